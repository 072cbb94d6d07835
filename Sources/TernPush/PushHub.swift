public import ServiceLifecycle
import Synchronization
public import TernStore

/// Holds Pings and Syncs with Wait until something they watch changes (DESIGN.md, push).
///
/// Driven only by the store's change feed: one subscription to every user's changes, taken
/// when the hub is made (naming the users it holds, so a store shared by nodes reads only
/// theirs), never a rescan. A held request is a closure in `PushRegistry`, so
/// it holds no thread, no task and no database connection. Deadlines are checked
/// by one ticker for all waiters. As a `Service` it answers every held request on graceful
/// shutdown, before the HTTP server stops (it runs after the application in the server's
/// `ServiceGroup`, so it is shut down first).
public final class PushHub: Service, Sendable {
    /// What a held request runs when it is woken.
    public typealias Waiter = @Sendable (PushWake) -> Void

    public typealias Ticket = PushRegistry<Waiter>.Ticket
    private typealias Resumption = PushRegistry<Waiter>.Resumption

    private let registry: LockedRegistry
    /// Asked to route a user's commits here before a request of theirs checks the store.
    let store: any Store
    /// Subscribed from the start, so no change committed while the hub starts is missed.
    private let changes: AsyncStream<StoreChange>
    /// Time on the hub's clock since it was made, and a sleep on that clock: deadlines and
    /// the ticker follow the clock given, so tests move time by hand.
    private let elapsed: @Sendable () -> Duration
    private let sleep: @Sendable (Duration) async throws -> Void

    public init(
        store: any Store, maxHeldPerUser: Int, maxHeldTotal: Int, clock: some Clock<Duration> = ContinuousClock()
    ) {
        let registry = LockedRegistry(PushRegistry(maxPerUser: maxHeldPerUser, maxTotal: maxHeldTotal))
        self.registry = registry
        self.store = store
        // Only the users held here: on a database shared by nodes, the others' changes go unread.
        changes = store.allChanges(
            interest: ChangeInterest(
                wants: { userID in registry.withLock { $0.holds(userID) } },
                users: { registry.withLock { $0.heldUserIDs } }))
        let epoch = clock.now
        elapsed = { epoch.duration(to: clock.now) }
        sleep = { try await clock.sleep(for: $0) }
    }

    /// Registers a device's interest in `folderIDs` for `heartbeat`. Changes from now on are
    /// kept for the ticket, so the caller may check the store before it `wait`s.
    public func arm(userID: User.ID, deviceID: Device.ID, folderIDs: Set<Folder.ID>, heartbeat: Duration) -> Result<
        Ticket, PushRefusal
    > {
        let deadline = elapsed() + heartbeat
        let armed = registry.withLock {
            $0.arm(userID: userID, deviceID: deviceID, folderIDs: folderIDs, deadline: deadline)
        }
        resume(armed.superseded.map { [$0] } ?? [])
        return armed.0
    }

    /// Runs `waiter` once the ticket's request is woken: at once when it was woken already,
    /// or replaced by a newer request of the device (`.superseded`, or `.cancelled` once that
    /// one ended too). A `release` first means it never runs.
    public func whenWoken(_ ticket: Ticket, _ waiter: @escaping Waiter) {
        let ready = registry.withLock { $0.wait(ticket, continuation: waiter) }
        resume(ready.map { [$0] } ?? [])
    }

    /// Ends a registration nobody waits for any more: its waiter, if any, is dropped unrun.
    public func release(_ ticket: Ticket) {
        _ = registry.withLock { $0.release(ticket) }
    }

    /// How many requests are held now.
    public var heldCount: Int { registry.withLock { $0.count } }

    /// Follows the change feed and ticks once a second to expire due waiters, until
    /// graceful shutdown or cancellation; then answers every held request.
    public func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { [changes] in
                for await change in changes { self.deliver(change) }
            }
            try? await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    try await self.sleep(.seconds(1))
                    let now = self.elapsed()
                    self.resume(self.registry.withLock { $0.expire(now: now) })
                }
            }
            group.cancelAll()
        }
        resume(registry.withLock { $0.shutDown() })
    }

    private func deliver(_ change: StoreChange) {
        resume(registry.withLock { $0.apply(change) })
    }

    /// Runs woken waiters outside the lock.
    private func resume(_ resumptions: [Resumption]) {
        for resumption in resumptions { resumption.continuation(resumption.wake) }
    }

    /// The registry behind its lock, in an object of its own: the change feed's interest
    /// asks it, and is made before the hub is whole.
    private final class LockedRegistry: Sendable {
        private let lock: Mutex<PushRegistry<Waiter>>

        init(_ registry: sending PushRegistry<Waiter>) { lock = Mutex(registry) }

        func withLock<Result>(_ body: (inout sending PushRegistry<Waiter>) -> sending Result) -> sending Result {
            lock.withLock(body)
        }
    }
}
