import TernPush

/// A Ping or Sync with Wait that found nothing to send: armed in the push hub under
/// `ticket`, answered by `answer` once the hub wakes it.
///
/// Handlers return it instead of waiting themselves, so that no task waits: the endpoint
/// hands the connection a `ResponseDeferral.Wait` and the hub keeps only `answer` (a task
/// keeps the stack memory of its deepest call until it ends, and a held request may wait an
/// hour; DESIGN.md, push).
struct HeldRequest: Sendable {
    let ticket: PushHub.Ticket
    let answer: @Sendable (PushWake) async throws -> EASResponse
}
