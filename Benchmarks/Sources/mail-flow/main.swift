import ActiveSync
import BenchmarkSupport
import Foundation
import TernAuth
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import WBXML

// Mail flow: LMTP delivery rate (5 KB messages over 4 concurrent connections, each message
// committed before its 250), the latency of a SendMail to a local recipient (delivered to
// their Inbox and the sender's Sent Items in one transaction), and SendMail to another server
// through the relay (queued while the relay is down, then drained to aiosmtpd on loopback), on a fresh SQLite
// store. The relay phase needs Debian's python3-aiosmtpd.
//
//   swift run -c release --package-path Benchmarks --scratch-path .build-release mail-flow

let lmtpMessages = 4_000
let lmtpConnections = 4
let sendCount = 1_000
let relayCount = 500

let directory = FileManager.default.temporaryDirectory.appending(path: "tern-mail-bench-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: directory) }
let store = try SQLiteStore(dataDirectory: directory)
for (login, name) in [("anna", "Anna"), ("bruno", "Bruno")] {
    _ = try await store.createUser(
        NewUser(
            login: login, emailAddresses: ["\(login)@tern.example"], displayName: name,
            passwordHash: PasswordHash.make("secret", cost: 4)))
}

/// Starts a service that reports its port, and returns the port.
func start(_ run: @escaping @Sendable (@escaping @Sendable (Int) async -> Void) async throws -> Void) async -> Int {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    Task { try await run { continuation.yield($0) } }
    for await port in ports { return port }
    fatalError("the service did not start")
}

// MARK: LMTP

let lmtpPort = await start { onListening in
    try await LMTPService(store: store, host: "127.0.0.1", port: 0, onListening: onListening).run()
}

/// One MTA connection delivering `count` messages, each MAIL, RCPT and DATA pipelined.
func deliverOverLMTP(port: Int, first: Int, count: Int) throws {
    let connection = try LoopbackConnection(port: port)
    _ = try connection.readLine()
    try connection.send(Array("LHLO bench.example\r\n".utf8))
    while try connection.readLine().hasPrefix("250-") {}
    for number in first..<first + count {
        try connection.send(Array("MAIL FROM:<sender@example.org>\r\nRCPT TO:<anna@tern.example>\r\nDATA\r\n".utf8))
        for _ in 0..<3 { _ = try connection.readLine() }
        try connection.send(message(number) + Array(".\r\n".utf8))
        let reply = try connection.readLine()
        guard reply.hasPrefix("250") else { fatalError("LMTP answered \(reply)") }
    }
}

let lmtpStarted = ContinuousClock.now
let cpuBefore = ProcessFigures.cpuTime()
let perConnection = lmtpMessages / lmtpConnections
let threads = (0..<lmtpConnections).map { index in
    let thread = Thread { [lmtpPort] in
        try! deliverOverLMTP(port: lmtpPort, first: index * perConnection, count: perConnection)
    }
    thread.start()
    return thread
}
while threads.contains(where: { !$0.isFinished }) { try await Task.sleep(for: .milliseconds(5)) }
let lmtpElapsed = seconds(ContinuousClock.now - lmtpStarted)
let lmtpCPU = seconds(ProcessFigures.cpuTime() - cpuBefore)
print(
    String(
        format:
            "LMTP delivery, %d messages of ~5 KB over %d connections: %.2f s, %.0f messages/s, %.3f CPU s per 1,000",
        lmtpMessages, lmtpConnections, lmtpElapsed, Double(lmtpMessages) / lmtpElapsed,
        lmtpCPU / Double(lmtpMessages) * 1000))

// MARK: SendMail

var configuration = ServerConfiguration(port: 0)
configuration.autoblock.maxQuietRequestsPerMinute = 0
// The relay is down while the SendMails queue, then comes up: its rate is the queue's alone.
let relayPort = try SMTPSink.freePort()
configuration.relay = RelayConfiguration(host: "127.0.0.1", port: relayPort, heloName: "bench.example")
let httpPort = await start { onListening in
    try await (try TernServer(store: store, configuration: configuration)).run(onListening: onListening)
}
let device = try BenchmarkDevice(port: httpPort, version: "16.1")

/// Sends `count` SendMails to `recipient`, each with its own ClientId; the time each took.
@MainActor func sendMails(_ count: Int, to recipient: String, clientPrefix: String) throws -> [Duration] {
    try (0..<count).map { number in
        let mime = Array("To: \(recipient)\r\nSubject: Note \(number)\r\n\r\nSee you at noon.\r\n".utf8)
        let request = ComposeMailRequest(clientID: "\(clientPrefix)-\(number)", mime: mime).element
        let started = ContinuousClock.now
        if let refused = try device.send("SendMail", request) {
            fatalError("SendMail refused: \(refused)")
        }
        return ContinuousClock.now - started
    }
}

let samples = try sendMails(sendCount, to: "Bruno <bruno@tern.example>", clientPrefix: "bench")
print("SendMail to a local recipient (Inbox and Sent Items): \(percentiles(samples))")

// MARK: Relay

let relaySamples = try sendMails(relayCount, to: "Carla <carla@outside.example>", clientPrefix: "relay")
print("SendMail to another server, request to answer (queued): \(percentiles(relaySamples))")
let sink = try SMTPSink(port: relayPort)
defer { sink.stop() }
let relayStarted = ContinuousClock.now
let relayCPUBefore = ProcessFigures.cpuTime()
_ = try await store.retryQueuedMessages(id: nil)
while try sink.received().count < relayCount { try await Task.sleep(for: .milliseconds(20)) }
let relayElapsed = seconds(ContinuousClock.now - relayStarted)
let relayCPU = seconds(ProcessFigures.cpuTime() - relayCPUBefore)
print(
    String(
        format:
            "Relay, %d queued messages handed to aiosmtpd on loopback: %.2f s, %.0f messages/s, %.3f CPU s per 1,000",
        relayCount, relayElapsed, Double(relayCount) / relayElapsed, relayCPU / Double(relayCount) * 1000))
