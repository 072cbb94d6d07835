import Foundation
import Metrics
import Prometheus
import Synchronization
import TernStore

/// The server's figures in Prometheus' text format, for `/metrics`. What happens is counted
/// as it happens through swift-metrics (requests by command and status and their time, push
/// answers, Sync items served, connections closed at a limit); levels are read when scraped
/// (`MetricLevels`), and running totals kept elsewhere (password checks, store transactions)
/// are carried into counters by what they grew since the last scrape. Each server has its
/// own registry, so that servers in one process (tests) count apart.
final class ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    /// The totals last carried into counters, by name and labels.
    private let carried = Mutex<[String: Double]>([:])

    static let requestTime = "tern_request_duration_seconds"
    static let pushAnswerTime = "tern_push_wake_to_answer_seconds"

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[Self.pushAnswerTime] = [1, 2.5, 5, 10, 25, 50, 100, 250, 1000].map {
            Duration.microseconds(Int64($0 * 1000))
        }
        self.factory = factory
    }

    /// A request answered with HTTP `status`; `time` from its arrival, nil for a held one
    /// (its time is the hold, reported by `pushAnswered`). `command` is "-" when unknown.
    func requestAnswered(command: String, status: Int, time: Duration?) {
        let command = command == "-" ? "unknown" : command
        Counter(
            label: "tern_requests_total", dimensions: [("command", command), ("status", String(status))],
            factory: factory
        ).increment()
        if let time {
            Timer(label: Self.requestTime, dimensions: [("command", command)], factory: factory).record(duration: time)
        }
    }

    /// A held Ping or Sync answered `time` after the hub woke it for a change.
    func pushAnswered(afterWake time: Duration) {
        Timer(label: Self.pushAnswerTime, factory: factory).record(duration: time)
    }

    /// Items (adds, changes, deletions) sent to devices in Sync responses.
    func syncItemsServed(_ count: Int) {
        guard count > 0 else { return }
        Counter(label: "tern_sync_items_total", factory: factory).increment(by: count)
    }

    /// A connection the server closed at one of its `ConnectionLimits`.
    func connectionClosed(_ reason: ConnectionStatistics.Closing) {
        Counter(label: "tern_connections_closed_total", dimensions: [("reason", "\(reason)")], factory: factory)
            .increment()
    }

    /// The exposition: `levels` set as gauges and totals, then every metric in text format.
    func exposition(_ levels: MetricLevels) -> [UInt8] {
        gauge("tern_held_requests", levels.heldRequests)
        gauge("tern_connections_open", levels.openConnections)
        gauge("tern_request_body_bytes_buffered", levels.bufferedRequestBytes)
        if let queued = levels.outboundQueue { gauge("tern_outbound_queue_messages", queued) }
        if let resident = ProcessResources.residentBytes { gauge("process_resident_memory_bytes", resident) }
        if let files = ProcessResources.openFiles { gauge("process_open_fds", files) }
        let checks = levels.passwordChecks
        carry("tern_auth_failures_total", [], checks.failures)
        carry("tern_password_checks_total", [("method", "bcrypt")], checks.bcryptChecks)
        carry("tern_password_checks_total", [("method", "verifier")], checks.verifierChecks)
        carry("tern_password_checks_refused_busy_total", [], checks.busyRefusals)
        let store = levels.store
        carry("tern_store_transactions_total", [("kind", "read")], store.reads)
        carry("tern_store_transactions_total", [("kind", "write")], store.writes)
        carry("tern_store_transaction_seconds_total", [("kind", "read")], store.readTime.seconds)
        carry("tern_store_transaction_seconds_total", [("kind", "write")], store.writeTime.seconds)
        return registry.emitToBuffer()
    }

    private func gauge(_ name: String, _ value: Int) {
        Gauge(label: name, factory: factory).record(value)
    }

    private func carry(_ name: String, _ labels: [(String, String)], _ total: some BinaryInteger) {
        carry(name, labels, Double(total))
    }

    private func carry(_ name: String, _ labels: [(String, String)], _ total: Double) {
        let key = ([name] + labels.map { "\($0)=\($1)" }).joined(separator: ",")
        let growth = carried.withLock { last in
            defer { last[key] = total }
            return total - (last[key] ?? 0)
        }
        FloatingPointCounter(label: name, dimensions: labels, factory: factory).increment(by: max(growth, 0))
    }
}

/// What `/metrics` reads when scraped.
struct MetricLevels: Sendable {
    var heldRequests: Int
    var openConnections: Int
    var bufferedRequestBytes: Int
    /// Messages waiting for the relay; nil without one.
    var outboundQueue: Int?
    var passwordChecks: PasswordCheckFigures
    var store: StoreTransactionFigures
}

extension Duration {
    /// The duration in seconds, fractions included.
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// This process's resident memory and open files, from /proc (Linux); nil elsewhere.
enum ProcessResources {
    static var residentBytes: Int? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static var openFiles: Int? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")).map(\.count)
    }
}
