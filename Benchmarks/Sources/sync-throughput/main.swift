import BenchmarkSupport
import Foundation
import TernAuth
import TernImport
import TernServer
import TernStore
import TernStorePostgres
import TernStoreSQLite
import WBXML

#if canImport(Glibc)
    import Glibc
#endif

// Sync figures, end to end over HTTP on loopback: the full initial Sync of a 10,000-message
// Inbox (~5 KB messages, WindowSize 512, plain-text bodies truncated at 5 KB) by one device,
// as items/s and process CPU seconds per 1,000 items, then the latency of an incremental
// Sync with nothing new (p50, p99). The server runs in this process; the client is a bare
// socket (LoopbackConnection), so the CPU figure is the server's plus a little decoding.
// With DATABASE=postgres://USER@HOST/DB the store is PostgreSQL (in a schema of its own,
// dropped by nobody: use a throwaway cluster such as .ci/postgres.sh starts).
//
//   swift run -c release --package-path Benchmarks --scratch-path .build-release sync-throughput

let messageCount = 10_000
let directory = FileManager.default.temporaryDirectory.appending(path: "tern-sync-bench-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: directory) }
let store: any Store
if let url = ProcessInfo.processInfo.environment["DATABASE"] {
    let schema = "tern_bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    store = try await PostgresStore(url: url, schema: schema)
    print("store: PostgreSQL, schema \(schema)")
} else {
    store = try SQLiteStore(dataDirectory: directory)
    print("store: SQLite")
}
let user = try await store.createUser(
    NewUser(
        login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna",
        passwordHash: PasswordHash.make("secret", cost: 4)))
guard let inbox = try await store.folders(of: user.id).first(where: { $0.type == .inbox }) else {
    fatalError("no inbox")
}
_ = try await MailImport(store: store).run(
    (1...messageCount).map { MailImport.Message(bytes: message($0)) }, into: inbox)

let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
// The 1,000 Syncs with nothing new are a loop by the autoblock's measure; it is off here.
var configuration = ServerConfiguration(port: 0)
configuration.autoblock.maxQuietRequestsPerMinute = 0
let server = Task {
    try await (try TernServer(store: store, configuration: configuration)).run { portContinuation.yield($0) }
}
var listening: Int?
for await bound in ports {
    listening = bound
    break
}
guard let port = listening else { fatalError("the server did not start") }

let connection = try LoopbackConnection(port: port)
let authorization = "Basic " + Data("anna:secret".utf8).base64EncodedString()
@MainActor func tag(_ namespace: String, _ name: String) -> WBXMLTag { WBXMLTag(namespace, name) }

@MainActor func send(_ command: String, _ body: WBXMLElement, policyKey: String? = nil) throws -> WBXMLElement {
    var headers = [
        "Authorization": authorization, "MS-ASProtocolVersion": "16.1", "Content-Type": "application/vnd.ms-sync.wbxml",
    ]
    if let policyKey { headers["X-MS-PolicyKey"] = policyKey }
    let target = "/Microsoft-Server-ActiveSync?Cmd=\(command)&User=anna&DeviceId=BENCH0001&DeviceType=Bench"
    let (status, bytes) = try connection.post(target, headers: headers, body: try WBXMLEncoder().encode(body))
    guard status == 200 else { fatalError("\(command) answered HTTP \(status)") }
    return try WBXMLDecoder().decode(bytes).root
}

@MainActor func text(_ element: WBXMLElement, _ name: String) -> String? {
    if element.tag.name == name, let text = element.text { return text }
    return element.elements.lazy.compactMap { text($0, name) }.first
}

/// What the loop needs of a Sync response, read in one walk of the tree that compares tags
/// (two bytes), not names, and skips the inside of each Add: the client stays cheap next to
/// the server it measures.
struct WindowSummary {
    var adds = 0
    var syncKey: String?
    var moreAvailable = false

    private static let add = AirSyncTag.add
    private static let syncKeyTag = AirSyncTag.syncKey
    private static let moreAvailableTag = AirSyncTag.moreAvailable

    init(_ response: WBXMLElement) { read(response) }

    private mutating func read(_ element: WBXMLElement) {
        for case .element(let child) in element.children {
            switch child.tag {
            case Self.add: adds += 1
            case Self.syncKeyTag: syncKey = child.text
            case Self.moreAvailableTag: moreAvailable = true
            default: read(child)
            }
        }
    }
}

@MainActor func provision() throws -> String {
    let policyType = WBXMLElement(tag("Provision", "PolicyType"), text: "MS-EAS-Provisioning-WBXML")
    func request(_ children: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(
            tag("Provision", "Provision"),
            elements: [
                WBXMLElement(
                    tag("Provision", "Policies"),
                    elements: [WBXMLElement(tag("Provision", "Policy"), elements: children)])
            ])
    }
    guard let temporary = text(try send("Provision", request([policyType])), "PolicyKey") else {
        fatalError("no policy key")
    }
    let acknowledged = try send(
        "Provision",
        request([
            policyType, WBXMLElement(tag("Provision", "PolicyKey"), text: temporary),
            WBXMLElement(tag("Provision", "Status"), text: "1"),
        ]), policyKey: temporary)
    guard let final = text(acknowledged, "PolicyKey") else { fatalError("no final policy key") }
    return final
}

@MainActor func syncRequest(key: String) -> WBXMLElement {
    let options = WBXMLElement(
        tag("AirSync", "Options"),
        elements: [
            WBXMLElement(
                tag("AirSyncBase", "BodyPreference"),
                elements: [
                    WBXMLElement(tag("AirSyncBase", "Type"), text: "1"),
                    WBXMLElement(tag("AirSyncBase", "TruncationSize"), text: "5120"),
                ])
        ])
    return WBXMLElement(
        tag("AirSync", "Sync"),
        elements: [
            WBXMLElement(
                tag("AirSync", "Collections"),
                elements: [
                    WBXMLElement(
                        tag("AirSync", "Collection"),
                        elements: [
                            WBXMLElement(tag("AirSync", "SyncKey"), text: key),
                            WBXMLElement(tag("AirSync", "CollectionId"), text: inbox.serverID),
                            WBXMLElement(tag("AirSync", "WindowSize"), text: "512"), options,
                        ])
                ])
        ])
}

@MainActor func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
        usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

let policyKey = try provision()
guard var key = text(try send("Sync", syncRequest(key: "0"), policyKey: policyKey), "SyncKey") else {
    fatalError("no sync key")
}

let clock = ContinuousClock()
let started = clock.now
let cpuBefore = cpuSeconds()
var received = 0
while true {
    let window = WindowSummary(try send("Sync", syncRequest(key: key), policyKey: policyKey))
    received += window.adds
    guard let next = window.syncKey else { fatalError("no sync key in a Sync response") }
    key = next
    if !window.moreAvailable { break }
}
let elapsed = seconds(clock.now - started)
let cpu = cpuSeconds() - cpuBefore
guard received == messageCount else { fatalError("received \(received) of \(messageCount) items") }
print(
    String(
        format: "initial sync, %d messages over HTTP: %.2f s, %.0f items/s, %.3f CPU s per 1,000 items",
        received, elapsed, Double(received) / elapsed, cpu / Double(received) * 1000))

// IDLE_SYNCS=20000 lengthens this part alone, for a profiler.
let idleSyncs = ProcessInfo.processInfo.environment["IDLE_SYNCS"].flatMap { Int($0) } ?? 1000
var samples: [Duration] = []
for _ in 0..<idleSyncs {
    let start = clock.now
    let response = try send("Sync", syncRequest(key: key), policyKey: policyKey)
    samples.append(clock.now - start)
    guard WindowSummary(response).adds == 0 else { fatalError("an idle Sync sent items") }
}
print("incremental Sync, nothing new: \(percentiles(samples))")
server.cancel()
