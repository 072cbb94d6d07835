import ActiveSync
import BenchmarkSupport
import CEpoll
import Foundation
import Logging
import TernAuth
import TernServer
import TernStore
import TernStoreSQLite
import TernSync
import WBXML

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
// N = 100,000 needs ~100,000 file descriptors in each process and source addresses for
// the ephemeral ports (the tool spreads over 127.0.0.2-21 itself, one per 5,000
// connections: connecting slows as one address's ports fill): `ulimit -n 120000`
// (raise the hard limit in /etc/security/limits.conf or the container's --ulimit nofile),
// then `push-latency 100000 10000 1000`.

let policyKey: UInt32 = 0x5EED

/// Device `index`'s Ping of its Inbox, as raw HTTP/1.1.
func pingRequest(_ index: Int, body pingBody: [UInt8]) -> [UInt8] {
    let authorization = "Basic " + Data("u\(index):secret".utf8).base64EncodedString()
    let head = """
        POST /Microsoft-Server-ActiveSync?Cmd=Ping&User=u\(index)&DeviceId=D\(index)&DeviceType=Bench HTTP/1.1\r
        Host: 127.0.0.1\r
        Authorization: \(authorization)\r
        MS-ASProtocolVersion: 14.1\r
        X-MS-PolicyKey: \(policyKey)\r
        Content-Type: application/vnd.ms-sync.wbxml\r
        Content-Length: \(pingBody.count)\r
        \r

        """
    return Array(head.utf8) + pingBody
}

// The client half, run as a child process: PORT N SOURCES INBOX.
if CommandLine.arguments.dropFirst().first == "--client" {
    let values = Array(CommandLine.arguments[2...])
    guard values.count == 4, let port = Int(values[0]), let count = Int(values[1]), let sources = Int(values[2]) else {
        fatalError("--client PORT N SOURCES INBOX")
    }
    _ = ProcessFigures.raiseFileLimit(to: count + 100)
    let body = try WBXMLEncoder().encode(
        PingRequest(heartbeatInterval: 3540, folders: [PingFolder(id: values[3], class: "Email")]).element)
    let pings = HeldPings()
    try pings.open(count: count, port: port, sourceAddresses: sources) { pingRequest($0, body: body) }
    let output = FileHandle.standardOutput
    output.write(Data("held\n".utf8))
    pings.readForever { device in output.write(Data("\(device) \(ProcessFigures.monotonicNanoseconds())\n".utf8)) }
}

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
let passwordHash = PasswordHash.make("secret", cost: 4)
// Setup straight through the store and the sync engine: users, provisioned devices, their
// folder hierarchy and a primed Inbox (Sync key 0), so that each Ping waits instead of
// answering at once. Each step waits on a database thread, so eight users are set up at a time.
/// Sets up user `index` and its device; returns the Inbox's server id.
func setUp(_ index: Int) async throws -> String {
    let user = try await store.createUser(
        NewUser(
            login: "u\(index)", emailAddresses: ["u\(index)@bench.example"], displayName: "U\(index)",
            passwordHash: passwordHash))
    let device = try await store.saveDevice(
        Device(
            id: 0, userID: user.id, deviceID: "D\(index)", deviceType: "Bench", protocolVersion: "14.1",
            provisioning: .provisioned(key: policyKey, policyVersion: 0), firstSeen: Date(), lastSeen: Date()))
    guard let inbox = try await store.folders(of: user.id).first(where: { $0.type == .inbox }) else {
        fatalError("no inbox")
    }
    // A device pings only after FolderSync (Status 7 before it), then a primed Inbox.
    _ = try await HierarchySync(store: store, userID: user.id, deviceID: device.id).folderSync(
        FolderSyncRequest(syncKey: "0"))
    let engine = SyncEngine(store: store, userID: user.id, deviceID: device.id, protocolVersion: .v14_1)
    _ = try await engine.sync(
        SyncRequest(collections: [SyncCollectionRequest(syncKey: "0", collectionID: inbox.serverID)]))
    return inbox.serverID
}
let setupStarted = ContinuousClock.now
let inboxServerID = try await withThrowingTaskGroup(of: String.self) { group in
    let lanes = 8
    for lane in 0..<lanes {
        group.addTask {
            var inbox = ""
            for index in stride(from: lane, to: deviceCount, by: lanes) { inbox = try await setUp(index) }
            return inbox
        }
    }
    var inbox = ""
    for try await laneInbox in group where !laneInbox.isEmpty { inbox = laneInbox }
    return inbox
}
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
let sourceAddresses = max(1, (deviceCount + 4_999) / 5_000)
let pings = try ClientProcess(arguments: ["\(port)", "\(deviceCount)", "\(sourceAddresses)", inboxServerID])
while !pings.isHeld { try await Task.sleep(for: .milliseconds(100)) }
progress("sent \(deviceCount) Pings")
try await settle(limit: .seconds(120))
let holdTime = ContinuousClock.now - holdStarted
// The storm of Pings leaves freed memory in malloc's arenas; trimmed, RSS is what is held.
let rssUntrimmed = ProcessFigures.residentBytes()
malloc_trim(0)
let rssHeld = ProcessFigures.residentBytes()
let heapHeld = mallinfo2()
let early = pings.answeredAt.withLock { $0.count }
progress("all held; measuring idle CPU")

let idleCPUStart = ProcessFigures.cpuTime()
let idleWindow = Duration.seconds(5)
try await Task.sleep(for: idleWindow)
let idleCPU = seconds(ProcessFigures.cpuTime() - idleCPUStart) / seconds(idleWindow)

// Deliveries at `rate` per second to distinct random users, open loop: each starts at its
// time in a task of its own, as concurrent deliveries from a mail server would, so a slow
// one delays no other and shows in the latency instead of lowering the rate.
let deliveryStore = viaOtherConnection ? try SQLiteStore(dataDirectory: directory) : store
let delivery = MailDelivery(store: deliveryStore)
var targets = Array(0..<deviceCount)
targets.shuffle()
targets = Array(targets.prefix(deliveryCount))
let deliveriesStarted = ContinuousClock.now
let committedAt = try await withThrowingTaskGroup(of: (Int, Int64).self) { group in
    for (sequence, target) in targets.enumerated() {
        let due = deliveriesStarted + .seconds(Double(sequence) / Double(rate))
        if due > ContinuousClock.now { try await Task.sleep(until: due) }
        group.addTask {
            let started = ProcessFigures.monotonicNanoseconds()
            _ = try await delivery.deliver(message(sequence), to: "u\(target)@bench.example")
            return (target, started)
        }
    }
    var started: [Int: Int64] = [:]
    for try await (target, at) in group { started[target] = at }
    return started
}
let deliveryTime = ContinuousClock.now - deliveriesStarted
progress("delivered \(deliveryCount) messages")
let waitStarted = ContinuousClock.now
while pings.answeredAt.withLock({ $0.count }) < early + deliveryCount, ContinuousClock.now - waitStarted < .seconds(10)
{
    try await Task.sleep(for: .milliseconds(50))
}
let answered = pings.answeredAt.withLock { $0 }
let latencies = targets.compactMap { target in
    answered[target].flatMap { at in committedAt[target].map { Duration.nanoseconds(at - $0) } }
}

print(
    "push-latency: N \(deviceCount) held Pings (\(sourceAddresses) source addresses), M \(deliveryCount) deliveries at \(rate)/s"
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
