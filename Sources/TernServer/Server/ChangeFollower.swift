import ServiceLifecycle
import TernStore

/// The store's watch for commits of other processes (`Store.followChanges`) as a service of
/// the server, so it lives exactly as long as the server and no task outlives it.
struct ChangeFollower: Service {
    let store: any Store
    let clock: any Clock<Duration>

    func run() async throws {
        await cancelWhenGracefulShutdown { await store.followChanges(clock: clock) }
    }
}
