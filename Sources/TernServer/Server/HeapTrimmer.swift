import Glibc
import ServiceLifecycle

/// Hands memory that malloc keeps after a burst back to the system, once a minute.
///
/// A reconnect storm of Pings allocates and frees much more than it keeps: after 10,000
/// Pings, 4–5 KB per held Ping sat free in malloc's arenas, counted in the server's RSS,
/// until glibc's `malloc_trim` returned the free pages (DESIGN.md, push: memory per held
/// Ping). The Glibc module does not export `malloc_trim`, so it is looked up at run time.
struct HeapTrimmer: Service {
    var interval: Duration = .seconds(60)

    private typealias Trim = @convention(c) (Int) -> Int32

    /// glibc's `malloc_trim`, nil with another C library.
    private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }

    /// Trims the heap now; false when the C library has no `malloc_trim`.
    @discardableResult
    static func trimNow() -> Bool {
        guard let trim else { return false }
        _ = trim(0)
        return true
    }

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                Self.trimNow()
            }
        }
    }
}
