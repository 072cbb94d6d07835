/// Stops token guessing at the console's sign-in: after `maxFailures` wrong tokens from one
/// client address within `window`, every attempt from it is refused (429), the right token
/// too, until the oldest of those failures is older than the window.
///
/// A plain value: instants in, answers out, no clock, so that tests drive it with made-up
/// instants. `AdminConsole` keeps it in a `Mutex`. The sign-in of devices has its own,
/// gentler `FailureThrottle`, which slows guesses instead of refusing them.
struct SignInLockout: Sendable {
    static let maxFailures = 5
    static let window: Duration = .seconds(15 * 60)

    private var failures = RecentEvents<String>(window: Self.window, keep: Self.maxFailures)

    func isLocked(_ client: String, at now: ContinuousClock.Instant) -> Bool {
        failures.count(client, at: now) >= Self.maxFailures
    }

    mutating func recordFailure(of client: String, at now: ContinuousClock.Instant) {
        failures.record(client, at: now)
    }
}
