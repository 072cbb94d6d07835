import BenchmarkSupport
import Foundation
import TernImport
import TernStore
import TernStoreSQLite

// Store figures: import rate of 10,000 ~5 KB messages through MailImport (the code
// `tern import mbox` runs), "changes since modseq" latency on a 100,000-item folder, and
// change-feed latency from a commit on one connection to the notification on another.
//
//   swift run -c release --package-path Benchmarks --scratch-path .build-release store-throughput

func freshStore() async throws -> (SQLiteStore, Folder, String) {
    let directory = FileManager.default.temporaryDirectory.appending(path: "tern-bench-\(UUID().uuidString)").path
    let store = try SQLiteStore(dataDirectory: directory)
    let user = try await store.createUser(
        NewUser(login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna", passwordHash: "x"))
    guard let inbox = try await store.folders(of: user.id).first(where: { $0.type == .inbox }) else {
        fatalError("no inbox")
    }
    return (store, inbox, directory)
}

let clock = ContinuousClock()

// 1. Import rate.
do {
    let (store, inbox, directory) = try await freshStore()
    let messages = (1...10_000).map { MailImport.Message(bytes: message($0)) }
    let bytes = messages.reduce(0) { $0 + $1.bytes.count }
    let start = clock.now
    let summary = try await MailImport(store: store).run(messages, into: inbox)
    let elapsed = seconds(clock.now - start)
    print(
        String(
            format: "import: %d messages (%.1f MB) in %.2f s: %.0f messages/s", summary.imported, Double(bytes) / 1e6,
            elapsed, Double(summary.imported) / elapsed))
    try? FileManager.default.removeItem(atPath: directory)
}

// 2. Changes since a modseq on a 100,000-item folder.
do {
    let (store, inbox, directory) = try await freshStore()
    let small = ItemContent.email(
        EmailItem(raw: Data(message(0).prefix(300)), properties: EmailProperties(subject: "x", dateReceived: Date())))
    for _ in 0..<100 { _ = try await store.addItems(Array(repeating: small, count: 1000), to: inbox.id) }
    let latest = try await store.itemChanges(in: inbox.id, since: .zero, limit: 1).through
    let total = try await store.itemCount(in: inbox.id)
    var nothing: [Duration] = []
    var recent: [Duration] = []
    for _ in 0..<1000 {
        let mark = try await store.itemChanges(in: inbox.id, since: ModSeq(rawValue: Int64.max / 2), limit: 100).through
        var start = clock.now
        _ = try await store.itemChanges(in: inbox.id, since: mark, limit: 100)
        nothing.append(clock.now - start)
        start = clock.now
        _ = try await store.itemChanges(in: inbox.id, since: ModSeq(rawValue: mark.rawValue - 100), limit: 100)
        recent.append(clock.now - start)
    }
    _ = latest
    print("changes since, \(total)-item folder, nothing new: \(percentiles(nothing))")
    print("changes since, \(total)-item folder, last 100 items: \(percentiles(recent))")
    try? FileManager.default.removeItem(atPath: directory)
}

// 3. Change-feed latency across connections (as from another process).
do {
    let (store, inbox, directory) = try await freshStore()
    let other = try SQLiteStore(dataDirectory: directory)
    let stream = store.changes(for: inbox.userID)
    var iterator = stream.makeAsyncIterator()
    var samples: [Duration] = []
    for number in 0..<200 {
        _ = try await other.addItem(
            .email(
                EmailItem(raw: Data(message(number)), properties: EmailProperties(subject: "x", dateReceived: Date()))),
            to: inbox.id)
        let committed = clock.now
        _ = await iterator.next()
        samples.append(clock.now - committed)
    }
    print("change feed, commit on another connection to notification: \(percentiles(samples))")
    try? FileManager.default.removeItem(atPath: directory)
}
