import BenchmarkSupport
import CEpoll
import Foundation
import Logging
import PushBenchSupport
import TernServer
import TernStore
import TernStorePostgres

#if canImport(Glibc)
    import Glibc
#endif

// Push across nodes on PostgreSQL, over real sockets on loopback: N devices (one user each)
// hold a Ping on their Inbox, spread evenly over K `tern` server nodes (child processes of
// this tool, each a TernServer on the same PostgreSQL schema, each with an epoll client
// process of its own holding its share of the Pings). Then M messages are delivered to M
// distinct random users at R per second through this process's own store, as `tern deliver
// --database` from a mail server would: each wake reaches the node that holds the Ping
// through LISTEN/NOTIFY. Printed: push latency from just before each delivery, and from its
// commit, to its device reading the whole Ping response (p50, p99, max), each node's memory per held Ping (RSS
// growth after malloc_trim over its share), the nodes' CPU while everything is held and idle,
// and the CPU time a delivery costs the nodes, PostgreSQL and this process.
//
//   swift build -c release --package-path Benchmarks --scratch-path .build-release --product push-cluster
//   .build-release/release/push-cluster postgres://USER@HOST/DB [N] [M] [R] [K]
//
// Defaults: N 10,000, M 2,000, R 1,000, K = N / 16,000 rounded up (each process here may
// hold 20,000 open files: a node needs one per held Ping, its client one per connection).
// The store lives in a schema of its own, dropped by nobody: use a throwaway cluster
// (`.ci/postgres.sh`; `TERN_PG_DURABLE=1` keeps fsync and synchronous commit on).

try PingClient.runIfAsked()
LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
try await NodeProcess.runIfAsked()

let positional = Array(CommandLine.arguments.dropFirst())
guard let url = positional.first, url.hasPrefix("postgres") else {
    fatalError("usage: push-cluster postgres://USER@HOST/DB [N] [M] [R] [K]")
}
let numbers = positional.dropFirst().compactMap { Int($0) }
let deviceCount = numbers.first ?? 10_000
let deliveryCount = min(numbers.dropFirst().first ?? 2_000, deviceCount)
let rate = numbers.dropFirst(2).first ?? 1_000
let nodeCount = numbers.dropFirst(3).first ?? (deviceCount + 15_999) / 16_000

/// A line on stderr, so a long run shows where it is.
@Sendable func progress(_ line: String) { FileHandle.standardError.write(Data("push-cluster: \(line)\n".utf8)) }

let schema = "tern_push_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
let store = try await PostgresStore(url: url, poolSize: 16, schema: schema)
progress("schema \(schema); setting up \(deviceCount) users and devices")
let setupStarted = ContinuousClock.now
let inbox = try await BenchUsers.setUp(count: deviceCount, in: store, lanes: 16) { progress("set up \($0)") }
let setupTime = ContinuousClock.now - setupStarted

// Node k serves devices shares[k], and a client process of its own holds their Pings.
let shares = (0..<nodeCount).map { node in
    (deviceCount * node / nodeCount)..<(deviceCount * (node + 1) / nodeCount)
}
let nodes = try shares.map { try NodeProcess(url: url, schema: schema, maxHeld: $0.count + 1) }
var ports: [Int] = []
for node in nodes { ports.append(try await node.port()) }
progress("\(nodeCount) nodes listening on \(ports)")

/// Waits until the nodes' CPU use over a second drops below 5% of one core (they have
/// taken in every Ping), up to `limit`; stops the run when it does not.
func settle(limit: Duration) async throws {
    let started = ContinuousClock.now
    while ContinuousClock.now - started < limit {
        let cpu = nodesCPUTime()
        try await Task.sleep(for: .seconds(1))
        if seconds(nodesCPUTime() - cpu) < 0.05 { return }
    }
    fatalError("the nodes were still busy after \(limit)")
}

func nodesCPUTime() -> Duration { nodes.reduce(.zero) { $0 + ProcessFigures.cpuTime(of: $1.processIdentifier) } }

try await settle(limit: .seconds(10))
var rssBefore: [Int] = []
for node in nodes { rssBefore.append(try await node.trimmedResidentBytes()) }
let holdStarted = ContinuousClock.now
let clients = try zip(ports, shares).map { try PingClient(port: $0, devices: $1, inbox: inbox) }
while !clients.allSatisfy(\.isHeld) { try await Task.sleep(for: .milliseconds(100)) }
progress("sent \(deviceCount) Pings")
try await settle(limit: .seconds(2400))
let holdTime = ContinuousClock.now - holdStarted
var rssHeld: [Int] = []
for node in nodes { rssHeld.append(try await node.trimmedResidentBytes()) }
let early = clients.reduce(0) { $0 + $1.answeredCount }
progress("all held; measuring idle CPU")

// PostgreSQL's own share, when it runs on this machine: its server processes' CPU.
// A pool closes idle connections and opens new ones, so the processes are listed at each reading:
// a process started since the last reading counts from zero.
let postgresProcesses = ProcessFigures.processes(named: "postgres")
func postgresCPUTimes() -> [Int32: Duration] {
    Dictionary(
        uniqueKeysWithValues: ProcessFigures.processes(named: "postgres").map { ($0, ProcessFigures.cpuTime(of: $0)) })
}
func postgresCPUTime(since start: [Int32: Duration]) -> Duration {
    postgresCPUTimes().reduce(.zero) { $0 + $1.value - (start[$1.key] ?? .zero) }
}
let idleCPUStart = (nodes: nodesCPUTime(), postgres: postgresCPUTimes())
let idleWindow = Duration.seconds(10)
try await Task.sleep(for: idleWindow)
let idleCPU = seconds(nodesCPUTime() - idleCPUStart.nodes) / seconds(idleWindow)
let idlePostgresCPU = seconds(postgresCPUTime(since: idleCPUStart.postgres)) / seconds(idleWindow)

// Deliveries at `rate` per second to distinct random users, open loop.
let targets = Array((0..<deviceCount).shuffled().prefix(deliveryCount))
let busyCPUStart = (nodes: nodesCPUTime(), postgres: postgresCPUTimes(), deliverer: ProcessFigures.cpuTime())
let deliveriesStarted = ContinuousClock.now
let deliveryTimes = try await OpenLoopDeliveries.run(MailDelivery(store: store), to: targets, rate: rate)
let deliveryTime = ContinuousClock.now - deliveriesStarted
progress("delivered \(deliveryCount) messages")
func answeredCount() -> Int { clients.reduce(0) { $0 + $1.answeredCount } }
let waitStarted = ContinuousClock.now
while answeredCount() < early + deliveryCount, ContinuousClock.now - waitStarted < .seconds(15) {
    try await Task.sleep(for: .milliseconds(50))
}
/// CPU time per delivery, in milliseconds, from the first delivery to the last Ping answered.
let busyCPU = (
    nodes: seconds(nodesCPUTime() - busyCPUStart.nodes),
    postgres: seconds(postgresCPUTime(since: busyCPUStart.postgres)),
    deliverer: seconds(ProcessFigures.cpuTime() - busyCPUStart.deliverer)
)
let answered = clients.reduce(into: [Int: Int64]()) { all, client in
    all.merge(client.answeredAt) { first, _ in first }
}
/// From each delivery's start (or its commit) to its device reading the Ping response.
func latencies(from start: KeyPath<OpenLoopDeliveries.Times, Int64>) -> [Duration] {
    targets.compactMap { target in
        answered[target].flatMap { at in deliveryTimes[target].map { Duration.nanoseconds(at - $0[keyPath: start]) } }
    }
}
let sinceStart = latencies(from: \.started)
let sinceCommit = latencies(from: \.committed)
let deliveryDurations = deliveryTimes.values.map { Duration.nanoseconds($0.committed - $0.started) }

print(
    "push-cluster: N \(deviceCount) held Pings over \(nodeCount) nodes on PostgreSQL, "
        + "M \(deliveryCount) deliveries at \(rate)/s through another connection")
print(
    String(
        format: "  setup %.1f s; all Pings held %.1f s after the first connect", seconds(setupTime), seconds(holdTime)))
for (node, share) in shares.enumerated() {
    print(
        String(
            format: "  node %d: %d held, RSS %.0f MB -> %.0f MB, %.1f KB per held Ping", node, share.count,
            Double(rssBefore[node]) / 1e6, Double(rssHeld[node]) / 1e6,
            Double(rssHeld[node] - rssBefore[node]) / Double(share.count) / 1024))
}
let growth = zip(rssHeld, rssBefore).reduce(0) { $0 + $1.0 - $1.1 }
print(
    String(
        format: "  all nodes: RSS %.0f MB while holding (%.0f MB of it the held Pings), %.1f KB per held Ping",
        Double(rssHeld.reduce(0, +)) / 1e6, Double(growth) / 1e6, Double(growth) / Double(deviceCount) / 1024))
print(String(format: "  nodes' CPU while %d Pings are held and idle: %.2f%% of one core", deviceCount, idleCPU * 100))
if !postgresProcesses.isEmpty {
    print(
        String(
            format: "  PostgreSQL's CPU meanwhile (its %d processes on this machine): %.2f%% of one core",
            postgresProcesses.count, idlePostgresCPU * 100))
}
print(
    String(
        format: "  deliveries took %.2f s (%.0f/s)", seconds(deliveryTime),
        Double(deliveryCount) / seconds(deliveryTime)))
print("  one delivery, start to commit: \(percentiles(deliveryDurations))")
print(
    String(
        format: "  CPU per delivery: nodes %.3f ms, PostgreSQL %.3f ms, the delivering process %.3f ms",
        busyCPU.nodes * 1000 / Double(deliveryCount), busyCPU.postgres * 1000 / Double(deliveryCount),
        busyCPU.deliverer * 1000 / Double(deliveryCount)))
print("  answered before any delivery: \(early); pushed: \(sinceStart.count) of \(deliveryCount)")
if !sinceStart.isEmpty {
    print("  push latency, delivery started to response read: \(percentiles(sinceStart))")
    print("  push latency, delivery committed to response read: \(percentiles(sinceCommit))")
}

for client in clients { client.stop() }
for node in nodes { node.stop() }
fflush(nil)
exit(0)
