import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// `tern deliver` run as a mail server runs it: a child process writing to the database that
/// this process has open, whose change feed must see the delivery.
struct DeliverCommandTests {
    static let tern = ChildProcess.builtProduct("tern")

    static let message = Array(
        """
        From: "Bob B" <bob@example.org>\r
        To: anna@tern.example\r
        Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_Berlin?=\r
        Message-ID: <4711@example.org>\r
        Date: Tue, 01 Dec 2026 07:00:00 +0000\r
        \r
        Hello Anna, lunch on Friday?\r

        """.utf8)

    private func deliver(_ input: [UInt8], to address: String, data: TemporaryDirectory, extra: [String] = []) throws
        -> ChildProcess.Result
    {
        try ChildProcess(Self.tern, ["deliver", "--to", address, "--data", data.path] + extra).run(standardInput: input)
    }

    @Test func aDeliveryByAChildProcessReachesTheChangeFeedOfThisProcess() async throws {
        let data = try TemporaryDirectory("tern-deliver")
        defer { data.remove() }
        let store = try SQLiteStore(dataDirectory: data.path)
        let user = try await store.createUser(
            NewUser(login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna", passwordHash: "x"))
        let inbox = try #require(try await store.folders(of: user.id).first { $0.type == .inbox })
        let changes = store.changes(for: user.id)
        let received = Task { await changes.first { _ in true } }

        let result = try deliver(Self.message, to: "ANNA@tern.example", data: data)
        #expect(result.status == 0, "\(result.standardError)")
        let change = try #require(
            await withTaskGroup(of: StoreChange?.self) { group in
                group.addTask { await received.value }
                group.addTask {
                    try? await Task.sleep(for: .seconds(5))
                    return nil
                }
                defer { group.cancelAll() }
                return await group.next() ?? nil
            })
        #expect(change.folderIDs == [inbox.id])

        let item = try #require(try await store.itemChanges(in: inbox.id, since: .zero, limit: 10).changed.first)
        guard case .email(let email) = item.content else {
            Issue.record("delivered item is not an email")
            return
        }
        #expect(Array(email.raw) == Self.message, "the message is stored byte for byte")
        #expect(email.properties.subject == "Grüße aus Berlin")
        #expect(email.properties.from == "\"Bob B\" <bob@example.org>")
        #expect(email.properties.preview == "Hello Anna, lunch on Friday?")
    }

    @Test func badDeliveriesExitWithTheCodeAnMTAActsOnAndStoreNothing() async throws {
        let data = try TemporaryDirectory("tern-deliver")
        defer { data.remove() }
        let store = try SQLiteStore(dataDirectory: data.path)
        let user = try await store.createUser(
            NewUser(login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna", passwordHash: "x"))
        let cases: [(input: [UInt8], address: String, extra: [String], status: Int32, message: String)] = [
            (
                Self.message, "nobody@tern.example", [], 67,
                "tern: unknown recipient: no user has the address nobody@tern.example\n"
            ),
            ([], "anna@tern.example", [], 65, "tern: unparsable message: empty at byte 0: an empty message\n"),
            (
                Self.message, "anna@tern.example", ["--folder", "Nope"], 73,
                "tern: unknown folder: anna has no mail folder named Nope\n"
            ),
            (
                Self.message, "anna@tern.example", ["--max-message-bytes", "100"], 65,
                "tern: message too large: message of 101 bytes exceeds the limit of 100\n"
            ),
        ]
        for bad in cases {
            let result = try deliver(bad.input, to: bad.address, data: data, extra: bad.extra)
            #expect(result.status == bad.status, "\(bad.extra) \(result.standardError)")
            #expect(result.standardError == bad.message)
        }
        for folder in try await store.folders(of: user.id) {
            #expect(try await store.itemCount(in: folder.id) == 0)
        }
    }

    @Test func aFiftyMegabyteMessageIsDeliveredWhole() async throws {
        let data = try TemporaryDirectory("tern-deliver")
        defer { data.remove() }
        let store = try SQLiteStore(dataDirectory: data.path)
        let user = try await store.createUser(
            NewUser(login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna", passwordHash: "x"))
        let line = Array("VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZyEhISEhISEhISEhISEhISEh\r\n".utf8)
        var big = Array(
            "From: bob@example.org\r\nSubject: big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/octet-stream; name=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                .utf8)
        while big.count < 50_000_000 { big += line }
        big += Array("--b--\r\n".utf8)
        let result = try deliver(big, to: "anna@tern.example", data: data)
        #expect(result.status == 0, "\(result.standardError)")
        let inbox = try #require(try await store.folders(of: user.id).first { $0.type == .inbox })
        let item = try #require(try await store.itemChanges(in: inbox.id, since: .zero, limit: 1).changed.first)
        guard case .email(let email) = item.content else { return }
        #expect(email.raw.count == big.count)
        #expect(email.properties.attachments.map(\.fileName) == ["big.bin"])
    }
}
