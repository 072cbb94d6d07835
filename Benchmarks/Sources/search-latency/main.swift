import ActiveSync
import BenchmarkSupport
import Foundation
import GRDB
import MIME
import TernAuth
import TernServer
import TernStore
import TernStoreSQLite
import WBXML

// Search latency on a 100,000-message mailbox: Search requests over HTTP on loopback, each
// decoded, run against the FTS5 index, its results' properties encoded, and answered in
// WBXML, as a phone sends them; for a word in one message, in about 1% and in about 30% of
// them, two words, and a three-letter prefix. Also the time to fill the mailbox (every
// message parsed and indexed in its transaction) and the index's size per message.
//
//   swift run -c release --package-path Benchmarks --scratch-path .build-release search-latency [MESSAGES]

let messageCount = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
let queriesPerKind = 200

/// A fixed pseudo-random sequence (SplitMix64), so every run builds the same mailbox.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

// A vocabulary of 20,000 made-up words, drawn with a Zipf-like skew as natural text is.
var random = SplitMix(state: 42)
let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "bo", "da", "fe", "gu", "hi", "jo", "pe"]
let vocabulary = (0..<20_000).map { _ in (0..<(2 + random.below(3))).map { _ in syllables[random.below(16)] }.joined() }
@MainActor func word() -> String {
    // Index ~ 20,000^u: a few words very common, most rare.
    let u = Double(random.next() % 1_000_000) / 1_000_000
    return vocabulary[min(Int(pow(20_000.0, u)) - 1, vocabulary.count - 1)]
}
let common = "harbour"  // in ~30% of messages
let medium = "quarterly"  // in ~1%
let rare = "quokka"  // in exactly one

let directory = FileManager.default.temporaryDirectory.appending(path: "tern-search-bench-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: directory) }
let store = try SQLiteStore(dataDirectory: directory)
let anna = try await store.createUser(
    NewUser(
        login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna",
        passwordHash: PasswordHash.make("secret", cost: 4)))
guard let inbox = try await store.folders(of: anna.id).first(where: { $0.type == .inbox }) else {
    fatalError("no Inbox")
}

let fillStarted = ContinuousClock.now
let start = Date(timeIntervalSinceNow: -Double(messageCount) * 600)
for batch in stride(from: 0, to: messageCount, by: 1_000) {
    let contents = try (batch..<min(batch + 1_000, messageCount)).map { number -> ItemContent in
        var words = (0..<150).map { _ in word() }
        if random.below(10) < 3 { words[random.below(150)] = common }
        if random.below(100) == 0 { words[random.below(150)] = medium }
        if number == messageCount / 2 { words[7] = rare }
        let raw = """
            From: Sender \(number % 97) <sender\(number % 97)@example.org>\r
            To: Anna <anna@tern.example>\r
            Subject: \(word()) \(word()) \(number)\r
            Message-ID: <\(number)@example.org>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            \(words.joined(separator: " "))\r

            """
        return .email(
            EmailItem(
                message: try MIMEMessage(parsing: Array(raw.utf8)),
                receivedAt: start.addingTimeInterval(Double(number) * 600)))
    }
    _ = try await store.addItems(contents, to: inbox.id)
}
let fillElapsed = seconds(ContinuousClock.now - fillStarted)
print(
    String(
        format: "Filled %d messages (parsed, stored and indexed): %.1f s, %.0f messages/s", messageCount, fillElapsed,
        Double(messageCount) / fillElapsed))

var readOnly = Configuration()
readOnly.readonly = true
let database = try DatabaseQueue(path: SQLiteStore.databasePath(inDataDirectory: directory), configuration: readOnly)
let (indexBytes, messageBytes) = try database.read { db in
    (
        try Int.fetchOne(db, sql: "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'mail_search%'") ?? 0,
        try Int.fetchOne(db, sql: "SELECT SUM(LENGTH(raw)) FROM messages") ?? 0
    )
}
print(
    String(
        format: "Index size: %.1f MB, %.0f bytes per message (the messages themselves: %.0f bytes each)",
        Double(indexBytes) / 1e6, Double(indexBytes) / Double(messageCount), Double(messageBytes) / Double(messageCount)
    ))

// MARK: Search over HTTP

var configuration = ServerConfiguration(port: 0)
configuration.autoblock.maxQuietRequestsPerMinute = 0
let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
Task { try await (try TernServer(store: store, configuration: configuration)).run { continuation.yield($0) } }
/// The port the server reports once it listens.
func firstPort() async -> Int {
    for await port in ports { return port }
    fatalError("the server did not start")
}
let httpPort = await firstPort()
let device = try BenchmarkDevice(port: httpPort, version: "14.1")

/// Runs `text` as a Mailbox Search for the first 50 results `count` times; the time each
/// took and the Total the last one reported.
@MainActor func measure(_ text: String, count: Int) throws -> (samples: [Duration], total: Int) {
    var samples: [Duration] = []
    var total = 0
    for _ in 0..<count {
        let request = MailboxSearchRequest(text: text, limit: 50).element
        let started = ContinuousClock.now
        guard let root = try device.send("Search", request), let response = SearchResponse(root),
            response.storeStatus == .success
        else { fatalError("Search for \(text) failed") }
        samples.append(ContinuousClock.now - started)
        total = response.total ?? 0
    }
    return (samples, total)
}

var everything: [Duration] = []
for (label, text) in [
    ("one message", rare), ("~1% of messages", medium), ("~30% of messages", common),
    ("two words", "\(common) \(medium)"), ("three-letter prefix", String(vocabulary[0].prefix(3))),
] {
    let (samples, total) = try measure(text, count: queriesPerKind)
    everything += samples
    print("Search \(label) (\"\(text)\", Total \(total)), first 50: \(percentiles(samples))")
}
print("Search, all \(everything.count) queries: \(percentiles(everything))")
