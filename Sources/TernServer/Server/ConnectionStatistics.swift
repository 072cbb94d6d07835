import Logging
import ServiceLifecycle
import Synchronization

/// Open connections, and how many were closed at each of the `ConnectionLimits`, for all
/// connections of a server. `ConnectionReporter` logs them.
final class ConnectionStatistics: Sendable {
    /// Why the server closed a connection it was not asked to close.
    enum Closing: CaseIterable, Sendable {
        /// Nothing, or not a whole request head, within `headTimeout`.
        case headTimeout
        /// A body arriving below `minBodyBytesPerSecond`.
        case slowBody
        /// Nothing between requests for `idleTimeout`.
        case idle
        /// A response not read within `idleTimeout` and its size at `minBodyBytesPerSecond`.
        case slowReader
    }

    private let open = Atomic<Int>(0)
    private let headTimeouts = Atomic<Int>(0)
    private let slowBodies = Atomic<Int>(0)
    private let idleClosings = Atomic<Int>(0)
    private let slowReaders = Atomic<Int>(0)
    private let metrics: ServerMetrics?

    init(metrics: ServerMetrics? = nil) {
        self.metrics = metrics
    }

    func opened() { open.add(1, ordering: .relaxed) }
    func ended() { open.subtract(1, ordering: .relaxed) }

    func closed(_ reason: Closing) {
        metrics?.connectionClosed(reason)
        switch reason {
        case .headTimeout: headTimeouts.add(1, ordering: .relaxed)
        case .slowBody: slowBodies.add(1, ordering: .relaxed)
        case .idle: idleClosings.add(1, ordering: .relaxed)
        case .slowReader: slowReaders.add(1, ordering: .relaxed)
        }
    }

    /// The connections open now.
    var openConnections: Int { open.load(ordering: .relaxed) }

    /// How many connections were closed for `reason` since the server started.
    func count(_ reason: Closing) -> Int {
        switch reason {
        case .headTimeout: headTimeouts.load(ordering: .relaxed)
        case .slowBody: slowBodies.load(ordering: .relaxed)
        case .idle: idleClosings.load(ordering: .relaxed)
        case .slowReader: slowReaders.load(ordering: .relaxed)
        }
    }
}

/// Logs the open connections and the closings of `ConnectionStatistics` once a minute,
/// when they changed.
struct ConnectionReporter: Service {
    let statistics: ConnectionStatistics
    let logger: Logger
    var interval: Duration = .seconds(60)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var last: [Int] = []
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                let counts = [statistics.openConnections] + ConnectionStatistics.Closing.allCases.map(statistics.count)
                guard counts != last else { continue }
                last = counts
                logger.info(
                    "connections",
                    metadata: [
                        "open": "\(counts[0])", "closedHeadTimeout": "\(counts[1])", "closedSlowBody": "\(counts[2])",
                        "closedIdle": "\(counts[3])", "closedSlowReader": "\(counts[4])",
                    ])
            }
        }
    }
}
