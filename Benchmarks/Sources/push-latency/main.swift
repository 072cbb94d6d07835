import BenchmarkSupport
import CEpoll
import Foundation
import Logging
import PushBenchSupport
import TernServer
import TernStore
import TernStoreSQLite

// Push figures over real sockets on loopback: N devices (one user each) hold a Ping on their
// Inbox, then M messages are delivered to M distinct random users at R per second, and the
// push latency is measured from just before each delivery's commit to the moment its device
// has read the whole Ping response: p50, p99, max. Also the server's memory per held Ping
// (RSS growth of this process while the Pings are held, after malloc_trim, and before it,
// and the live heap) and the
// process CPU while everything is held and idle. The server runs in this process; the
// client is a child process (this executable with --client) with one epoll thread, so
// the server's RSS and CPU are its own and each side has a full open-file limit.
//
//   swift build -c release --package-path Benchmarks --scratch-path .build-release --product push-latency
//   .build-release/release/push-latency [N] [M] [R] [--other-connection]
//
// Defaults: N 10,000, M 2,000, R 1,000. `--other-connection` delivers through a second
// store on the same file, as `tern deliver` from the mail server does, so the change feed
// hears of the commit through its watch of the WAL file (inotify) rather than at once.
//
// N needs N file descriptors in each of the two processes (`ulimit -n`; this container
// allows 20,000). `push-cluster` spreads 100,000 over several server processes on PostgreSQL.

try PingClient.runIfAsked()

LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
let arguments = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("--") }.compactMap { Int($0) }
let deviceCount = arguments.first ?? 10_000
let deliveryCount = min(arguments.dropFirst().first ?? 2_000, deviceCount)
let rate = arguments.dropFirst(2).first ?? 1_000
let viaOtherConnection = CommandLine.arguments.contains("--other-connection")
let fileLimit = ProcessFigures.raiseFileLimit(to: deviceCount + 1_000)
guard fileLimit >= deviceCount + 100 else {
    fatalError("open-file limit \(fileLimit) is too low for N = \(deviceCount): ulimit -n")
}

let directory = FileManager.default.temporaryDirectory.appending(path: "tern-push-bench-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: directory) }
let store = try SQLiteStore(dataDirectory: directory)
let setupStarted = ContinuousClock.now
let inboxServerID = try await BenchUsers.setUp(count: deviceCount, in: store, lanes: 8)
let setupTime = ContinuousClock.now - setupStarted
progress("set up \(deviceCount) users and devices")

let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
let configuration = ServerConfiguration(port: 0, maxHeldPerUser: 50, maxHeldTotal: deviceCount + 1, backlog: 8192)
let server = Task {
    try await (try TernServer(store: store, configuration: configuration)).run { portContinuation.yield($0) }
}
var listening: Int?
for await bound in ports {
    listening = bound
    break
}
guard let port = listening else { fatalError("the server did not start") }

/// A line on stderr, so a long run shows where it is.
func progress(_ line: String) { FileHandle.standardError.write(Data("push-latency: \(line)\n".utf8)) }

/// Waits until the process's CPU use over half a second drops below 5% (the server has
/// taken in every Ping), up to `limit`.
func settle(limit: Duration) async throws {
    let started = ContinuousClock.now
    while ContinuousClock.now - started < limit {
        let cpu = ProcessFigures.cpuTime()
        try await Task.sleep(for: .milliseconds(500))
        if seconds(ProcessFigures.cpuTime() - cpu) < 0.025 { return }
    }
}

try await settle(limit: .seconds(5))
let rssBefore = ProcessFigures.residentBytes()
let heapBefore = mallinfo2()
let holdStarted = ContinuousClock.now
let pings = try PingClient(port: port, devices: 0..<deviceCount, inbox: inboxServerID)
while !pings.isHeld { try await Task.sleep(for: .milliseconds(100)) }
progress("sent \(deviceCount) Pings")
try await settle(limit: .seconds(120))
let holdTime = ContinuousClock.now - holdStarted
// The storm of Pings leaves freed memory in malloc's arenas; trimmed, RSS is what is held.
let rssUntrimmed = ProcessFigures.residentBytes()
malloc_trim(0)
let rssHeld = ProcessFigures.residentBytes()
let heapHeld = mallinfo2()
let early = pings.answeredCount
progress("all held; measuring idle CPU")

let idleCPUStart = ProcessFigures.cpuTime()
let idleWindow = Duration.seconds(5)
try await Task.sleep(for: idleWindow)
let idleCPU = seconds(ProcessFigures.cpuTime() - idleCPUStart) / seconds(idleWindow)

// Deliveries at `rate` per second to distinct random users, open loop.
let deliveryStore = viaOtherConnection ? try SQLiteStore(dataDirectory: directory) : store
let targets = Array((0..<deviceCount).shuffled().prefix(deliveryCount))
let deliveriesStarted = ContinuousClock.now
let startedAt = try await OpenLoopDeliveries.run(MailDelivery(store: deliveryStore), to: targets, rate: rate)
    .mapValues(\.started)
let deliveryTime = ContinuousClock.now - deliveriesStarted
progress("delivered \(deliveryCount) messages")
let waitStarted = ContinuousClock.now
while pings.answeredCount < early + deliveryCount, ContinuousClock.now - waitStarted < .seconds(10) {
    try await Task.sleep(for: .milliseconds(50))
}
let answered = pings.answeredAt
let latencies = targets.compactMap { target in
    answered[target].flatMap { at in startedAt[target].map { Duration.nanoseconds(at - $0) } }
}

print(
    "push-latency: N \(deviceCount) held Pings, M \(deliveryCount) deliveries at \(rate)/s"
        + (viaOtherConnection ? " through another connection" : ""))
print(
    String(
        format: "  setup %.1f s; all Pings held %.1f s after the first connect", seconds(setupTime), seconds(holdTime)))
print(
    String(
        format: "  server memory per held Ping: %.1f KB (RSS %.0f MB -> %.0f MB)",
        Double(rssHeld - rssBefore) / Double(deviceCount) / 1024, Double(rssBefore) / 1e6, Double(rssHeld) / 1e6))
print(
    String(
        format: "  the same before malloc_trim: %.1f KB; live heap (mallinfo2): %.1f KB",
        Double(rssUntrimmed - rssBefore) / Double(deviceCount) / 1024,
        Double(Int(heapHeld.uordblks) - Int(heapBefore.uordblks)) / Double(deviceCount) / 1024))
print(String(format: "  CPU while %d Pings are held and idle: %.2f%% of one core", deviceCount, idleCPU * 100))
print(
    String(
        format: "  deliveries took %.2f s (%.0f/s)", seconds(deliveryTime),
        Double(deliveryCount) / seconds(deliveryTime)))
print("  answered before any delivery: \(early); pushed: \(latencies.count) of \(deliveryCount)")
if !latencies.isEmpty { print("  push latency, commit to response read: \(percentiles(latencies))") }

pings.stop()
// The figures are printed; the held server side need not be wound down.
fflush(nil)
exit(0)
