import ActiveSync
import BenchmarkSupport
import Foundation
import Logging
import Synchronization
import TernAuth
import TernServer
import TernStore
import TernStoreSQLite
import TernSync
import TernTesting

#if canImport(Glibc)
    import Glibc
#endif

// Soak under hostile mail: 200 devices (50 users, four devices each at 12.1, 14.1 and 16.1,
// asking for plain, HTML or MIME bodies) sync and Ping their Inbox over real sockets for
// MINUTES, while mail is delivered at RATE a second, one message in four from the
// hostile-mail corpus (NULs and controls everywhere, broken charsets, a 1 MB header line,
// 1,000 nested and 100,000 parts). The server runs in this process and the devices in a
// child process (this executable with --client), so the memory figures are the server's.
// Each minute: server RSS, requests by HTTP status class, EAS errors (a Sync or Ping whose
// Status is not success), items synced. Exit status 1 if any request got a 5xx.
//
//   swift build -c release --package-path Benchmarks --scratch-path .build-release --product soak
//   .build-release/release/soak [MINUTES] [RATE]        (defaults 60 and 2)

let soakPolicyKey: UInt32 = 0x50AC

if CommandLine.arguments.dropFirst().first == "--client" {
    let values = CommandLine.arguments.dropFirst(2).map { $0 }
    guard values.count == 4, let port = Int(values[0]), let devices = Int(values[1]), let until = Double(values[3])
    else {
        fatalError("--client PORT DEVICES INBOX DEADLINE")
    }
    SoakClient.run(port: port, devices: devices, inbox: values[2], deadline: Date(timeIntervalSince1970: until))
}

LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let minutes = arguments.first ?? 60
let rate = arguments.dropFirst().first ?? 2
let users = 50
let devices = users * 4
_ = ProcessFigures.raiseFileLimit(to: 4_096)

let directory = FileManager.default.temporaryDirectory.appending(path: "tern-soak-\(UUID().uuidString)").path
let store = try SQLiteStore(dataDirectory: directory)
let passwordHash = PasswordHash.make("secret", cost: 4)
var inbox = ""
for user in 0..<users {
    let created = try await store.createUser(
        NewUser(
            login: "u\(user)", emailAddresses: ["u\(user)@soak.example"], displayName: "U\(user)",
            passwordHash: passwordHash))
    for device in 0..<4 {
        _ = try await store.saveDevice(
            Device(
                id: 0, userID: created.id, deviceID: "S\(user * 4 + device)", deviceType: "Soak",
                protocolVersion: ["12.1", "14.1", "16.1", "16.1"][device],
                provisioning: .provisioned(key: soakPolicyKey, policyVersion: 0), firstSeen: Date(), lastSeen: Date()))
    }
    inbox = try await store.folders(of: created.id).first { $0.type == .inbox }?.serverID ?? inbox
}

let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
var configuration = ServerConfiguration(port: 0, minHeartbeat: 10)
configuration.maxHeldPerUser = 8
let server = Task {
    try await (try TernServer(store: store, configuration: configuration)).run { portContinuation.yield($0) }
}
var listening: Int?
for await bound in ports {
    listening = bound
    break
}
guard let port = listening else { fatalError("the server did not start") }

let started = Date()
let deadline = started.addingTimeInterval(Double(minutes * 60))
let client = Process()
client.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
client.arguments = ["--client", "\(port)", "\(devices)", inbox, "\(deadline.timeIntervalSince1970)"]
let output = Pipe()
client.standardOutput = output
try client.run()
let latest = Mutex<[Int]>([0, 0, 0, 0, 0])
Thread {
    var pending = ""
    while true {
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { return }
        pending += String(decoding: chunk, as: UTF8.self)
        while let newline = pending.firstIndex(of: "\n") {
            let fields = pending[..<newline].split(separator: " ").dropFirst().compactMap { Int($0) }
            if fields.count == 5 { latest.withLock { $0 = fields } }
            pending = String(pending[pending.index(after: newline)...])
        }
    }
}.start()

print(
    "soak: \(devices) devices of \(users) users for \(minutes) min, \(rate) deliveries/s, 1 in 4 from the hostile-mail corpus (\(HostileMailCorpus.all.count) messages)"
)
let delivery = MailDelivery(store: store)
var delivered = 0
var refused = 0
var nextMinute = 1
var residentByMinute: [Int] = []
let interval = 1.0 / Double(rate)
/// Prints the figures of minute `nextMinute` and moves on to the next.
@MainActor func reportMinute() {
    let resident = ProcessFigures.residentBytes()
    residentByMinute.append(resident)
    let counts = latest.withLock { $0 }
    print(
        String(
            format:
                "  minute %2d: server RSS %5.1f MB; requests 2xx %d, 4xx %d, 5xx %d; EAS errors %d; items synced %d; delivered %d (refused %d)",
            nextMinute, Double(resident) / 1e6, counts[0], counts[1], counts[2], counts[3], counts[4], delivered,
            refused))
    nextMinute += 1
}
while Date() < deadline {
    let bytes =
        delivered % 4 == 3
        ? HostileMailCorpus.all[(delivered / 4) % HostileMailCorpus.all.count].bytes : message(delivered)
    do {
        _ = try await delivery.deliver(bytes, to: "u\(Int.random(in: 0..<users))@soak.example")
    } catch {
        refused += 1
    }
    delivered += 1
    if Date().timeIntervalSince(started) >= Double(nextMinute * 60) { reportMinute() }
    let due = started.addingTimeInterval(Double(delivered) * interval)
    if due > Date() { try await Task.sleep(for: .seconds(due.timeIntervalSinceNow)) }
}
client.waitUntilExit()
if nextMinute <= minutes { reportMinute() }
let counts = latest.withLock { $0 }
server.cancel()
let first = residentByMinute.first ?? 0
let peak = residentByMinute.max() ?? 0
let last = residentByMinute.last ?? 0
let afterFive = residentByMinute.count > 5 ? residentByMinute[4] : first
print(
    String(
        format: "soak: %d requests, 5xx %d, EAS errors %d, %d items synced, %d messages delivered (%d refused)",
        counts[0] + counts[1] + counts[2], counts[2], counts[3], counts[4], delivered, refused))
print(
    String(
        format:
            "  server RSS: minute 1 %.1f MB, minute 5 %.1f MB, peak %.1f MB, last %.1f MB (%+.1f MB from minute 5 to the end)",
        Double(first) / 1e6, Double(afterFive) / 1e6, Double(peak) / 1e6, Double(last) / 1e6,
        Double(last - afterFive) / 1e6))
try? FileManager.default.removeItem(atPath: directory)
exit(counts[2] == 0 ? 0 : 1)
