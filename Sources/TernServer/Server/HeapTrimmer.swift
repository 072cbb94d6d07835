import CMalloc
import ServiceLifecycle

/// Hands memory that malloc keeps after a burst back to the system, once a minute.
///
/// A reconnect storm of Pings allocates and frees much more than it keeps: after 10,000
/// Pings, 4–5 KB per held Ping sat free in malloc's arenas, counted in the server's RSS,
/// until `malloc_trim` returned the free pages (DESIGN.md, push: memory per held Ping).
struct HeapTrimmer: Service {
    var interval: Duration = .seconds(60)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                malloc_trim(0)
            }
        }
    }
}
