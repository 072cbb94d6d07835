import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// `tern import mbox|maildir` on real files, including one killed half-way.
struct ImportCommandTests {
    static let tern = ChildProcess.builtProduct("tern")

    static func message(_ number: Int, body: String = "Body of message") -> String {
        """
        From: sender\(number)@example.org\r
        To: anna@tern.example\r
        Subject: Message \(number)\r
        Date: Mon, 30 Nov 2026 10:\(String(format: "%02d", number % 60)):00 +0100\r
        \r
        \(body) \(number).\r

        """
    }

    static func mbox(_ messages: [String]) -> String {
        messages.map { "From sender@example.org Mon Nov 30 10:00:00 2026\n" + $0 + "\n" }.joined()
    }

    /// A file's modification time in nanoseconds, nil when it does not exist.
    static func modificationTime(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
    }

    private func makeUser(_ data: TemporaryDirectory) async throws -> (SQLiteStore, Folder) {
        let store = try SQLiteStore(dataDirectory: data.path)
        let user = try await store.createUser(
            NewUser(login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna", passwordHash: "x"))
        let inbox = try #require(try await store.folders(of: user.id).first { $0.type == .inbox })
        return (store, inbox)
    }

    @Test func anMboxIsImportedWithQuotingUndoneAndBadMessagesSkippedWithAReason() async throws {
        let data = try TemporaryDirectory("tern-import")
        defer { data.remove() }
        let (store, inbox) = try await makeUser(data)
        let quoted = Self.message(2, body: "Quoting:\r\n>From the start")
        let file = data.url.appending(path: "mail.mbox")
        let text = Self.mbox([Self.message(1), quoted, ""]).replacingOccurrences(
            of: "\r\n>From the start", with: "\r\n>>From the start")
        try Data(text.utf8).write(to: file)

        let result = try ChildProcess(Self.tern, ["import", "mbox", "--user", "anna", file.path, "--data", data.path])
            .run()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            String(decoding: result.standardOutput, as: UTF8.self)
                == "imported 2, skipped 1 (message 3: an empty message)\n")
        let items = try await store.itemChanges(in: inbox.id, since: .zero, limit: 10).changed
        let raws = items.compactMap { item -> String? in
            if case .email(let email) = item.content { return String(decoding: email.raw, as: UTF8.self) }
            return nil
        }
        #expect(raws == [Self.message(1), quoted])
    }

    @Test func aMaildirIsImportedWithItsSeenAndFlaggedState() async throws {
        let data = try TemporaryDirectory("tern-import")
        defer { data.remove() }
        let (store, inbox) = try await makeUser(data)
        let maildir = data.url.appending(path: "Maildir")
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: maildir.appending(path: sub), withIntermediateDirectories: true)
        }
        try Data(Self.message(1).utf8).write(to: maildir.appending(path: "cur/1700000001.1.host:2,S"))
        try Data(Self.message(2).utf8).write(to: maildir.appending(path: "cur/1700000002.2.host:2,FS"))
        try Data(Self.message(3).utf8).write(to: maildir.appending(path: "new/1700000003.3.host"))
        let result = try ChildProcess(
            Self.tern, ["import", "maildir", "--user", "anna", maildir.path, "--data", data.path]
        ).run()
        #expect(result.status == 0, "\(result.standardError)")
        let properties = try await store.itemChanges(in: inbox.id, since: .zero, limit: 10).changed.compactMap {
            item -> EmailProperties? in
            if case .email(let email) = item.content { return email.properties }
            return nil
        }
        #expect(properties.map(\.subject) == ["Message 1", "Message 2", "Message 3"])
        #expect(properties.map(\.read) == [true, true, false])
        #expect(properties.map { $0.flag?.status } == [nil, 2, nil])
    }

    @Test func garbageAndMissingFilesGiveAClearOutcome() async throws {
        let data = try TemporaryDirectory("tern-import")
        defer { data.remove() }
        _ = try await makeUser(data)
        let garbage = data.url.appending(path: "garbage.mbox")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: garbage)
        let result = try ChildProcess(
            Self.tern, ["import", "mbox", "--user", "anna", garbage.path, "--data", data.path]
        ).run()
        #expect(result.status == 0)
        #expect(String(decoding: result.standardOutput, as: UTF8.self) == "imported 0, skipped 0\n")
        let missing = try ChildProcess(
            Self.tern, ["import", "mbox", "--user", "anna", "/nonexistent.mbox", "--data", data.path]
        ).run()
        #expect(missing.status == 1)
        #expect(missing.standardError == "tern: cannot read /nonexistent.mbox\n")
        let nobody = try ChildProcess(
            Self.tern, ["import", "mbox", "--user", "bob", garbage.path, "--data", data.path]
        ).run()
        #expect(nobody.standardError == "tern: no user bob\n")
    }

    @Test func anImportKilledHalfWayKeepsEveryCommittedBatchAndNothingHalfWritten() async throws {
        let data = try TemporaryDirectory("tern-import")
        defer { data.remove() }
        let (_, inbox) = try await makeUser(data)
        let file = data.url.appending(path: "big.mbox")
        try Data(Self.mbox((1...20_000).map { Self.message($0) }).utf8).write(to: file)

        let process = Process()
        process.executableURL = Self.tern
        process.arguments = ["import", "mbox", "--user", "anna", file.path, "--data", data.path]
        process.standardOutput = FileHandle.nullDevice
        // The import rings the commit bell after each batch it commits. A thread of its own
        // watches the bell and kills at the first ring, off the cooperative pool that the
        // other tests keep busy, so the kill lands mid-import however loaded the machine is.
        let bell = SQLiteStore.databasePath(inDataDirectory: data.path) + "-bell"
        let rungBefore = Self.modificationTime(bell)
        try process.run()
        let pid = process.processIdentifier
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                while process.isRunning, Self.modificationTime(bell) == rungBefore { usleep(100) }
                kill(pid, SIGKILL)
                done.resume()
            }
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it could be killed")

        let reopened = try SQLiteStore(dataDirectory: data.path)
        let count = try await reopened.itemCount(in: inbox.id)
        #expect(count > 0 && count < 20_000)
        #expect(count % 500 == 0, "a batch was half written: \(count) items")
        let items = try await reopened.itemChanges(in: inbox.id, since: .zero, limit: 20_000).changed
        #expect(items.count == count)
        #expect(items.map(\.serverID) == (1...count).map { "\(inbox.serverID):\($0)" })
    }
}
