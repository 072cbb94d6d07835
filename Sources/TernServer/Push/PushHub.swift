import ServiceLifecycle
import Synchronization
import TernStore

/// Holds Pings and Syncs with Wait until something they watch changes (DESIGN.md, push).
///
/// Driven only by the store's change feed: one subscription per user while that user has a
/// held request, never a rescan. A held request is a continuation in `PushRegistry`, so it
/// holds no thread and no database connection. Deadlines are checked by one ticker for all
/// waiters. As a `Service` it answers every held request on graceful shutdown, before the
/// HTTP server stops (it runs after the application in the server's `ServiceGroup`, so it
/// is shut down first).
final class PushHub: Service, Sendable {
    typealias Ticket = PushRegistry<CheckedContinuation<PushWake, Never>>.Ticket
    private typealias Resumption = PushRegistry<CheckedContinuation<PushWake, Never>>.Resumption

    private struct State {
        var registry: PushRegistry<CheckedContinuation<PushWake, Never>>
        var subscriptions: [User.ID: Task<Void, Never>] = [:]
    }

    private let store: any Store
    private let state: Mutex<State>
    private let epoch = ContinuousClock.now

    init(store: any Store, maxHeldPerUser: Int, maxHeldTotal: Int) {
        self.store = store
        state = Mutex(State(registry: PushRegistry(maxPerUser: maxHeldPerUser, maxTotal: maxHeldTotal)))
    }

    /// Registers a device's interest in `folderIDs` for `heartbeat`. Changes from now on are
    /// kept for the ticket, so the caller may check the store before it `wait`s.
    func arm(userID: User.ID, deviceID: Device.ID, folderIDs: Set<Folder.ID>, heartbeat: Duration) -> Result<Ticket, PushRefusal> {
        let deadline = ContinuousClock.now - epoch + heartbeat
        let (result, superseded) = state.withLock { state in
            let armed = state.registry.arm(userID: userID, deviceID: deviceID, folderIDs: folderIDs, deadline: deadline)
            // Subscribing under the lock: no change can commit between arming and listening.
            if case .success = armed.0, state.subscriptions[userID] == nil {
                let changes = store.changes(for: userID)
                state.subscriptions[userID] = Task { [weak self] in
                    for await change in changes { self?.deliver(change) }
                }
            }
            return armed
        }
        finish(superseded.map { [$0] } ?? [])
        return result
    }

    /// Suspends until the ticket's request is woken; a cancelled task ends it at once.
    func wait(_ ticket: Ticket) async -> PushWake {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { $0.registry.wait(ticket, continuation: continuation) }
                finish(ready.map { [$0] } ?? [])
            }
        } onCancel: {
            release(ticket)
        }
    }

    /// Ends a registration the handler no longer waits for.
    func release(_ ticket: Ticket) {
        let resumption = state.withLock { $0.registry.release(ticket) }
        finish(resumption.map { [$0] } ?? [], users: [ticket.userID])
    }

    /// How many requests are held now.
    var heldCount: Int { state.withLock { $0.registry.count } }

    /// Ticks once a second to expire due waiters until graceful shutdown or cancellation,
    /// then answers every held request.
    func run() async throws {
        try? await cancelWhenGracefulShutdown { [weak self] in
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(1))
                guard let self else { return }
                let now = ContinuousClock.now - self.epoch
                self.finish(self.state.withLock { $0.registry.expire(now: now) })
            }
        }
        let (woken, subscriptions) = state.withLock { state in
            defer { state.subscriptions = [:] }
            return (state.registry.shutDown(), Array(state.subscriptions.values))
        }
        for subscription in subscriptions { subscription.cancel() }
        finish(woken)
    }

    private func deliver(_ change: StoreChange) {
        finish(state.withLock { $0.registry.apply(change) })
    }

    /// Resumes continuations outside the lock and drops the subscriptions of users who no
    /// longer hold a request.
    private func finish(_ resumptions: [Resumption], users: Set<User.ID> = []) {
        let affected = users.union(resumptions.map(\.userID))
        let idle = state.withLock { state in
            affected.filter { !state.registry.holds($0) }.compactMap { state.subscriptions.removeValue(forKey: $0) }
        }
        for subscription in idle { subscription.cancel() }
        for resumption in resumptions { resumption.continuation.resume(returning: resumption.wake) }
    }
}
