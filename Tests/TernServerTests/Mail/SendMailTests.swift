import ActiveSync
import Foundation
import MIME
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// SendMail over a real socket: local delivery, Sent Items, push, the ClientId that makes a
/// resent request harmless, and a protocol status for each message that must not be sent.
@Suite struct SendMailTests {
    static func message(to recipients: String, bcc: String? = nil, from: String = "Mallory <ceo@bank.example>")
        -> [UInt8]
    {
        var lines = ["From: \(from)", "To: \(recipients)", "Subject: Lunch", "MIME-Version: 1.0"]
        if let bcc { lines.append("Bcc: \(bcc)") }
        lines += ["Content-Type: text/plain; charset=utf-8", "", "At noon?"]
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func sendMail(_ mime: [UInt8], clientID: String = "c1", saveInSentItems: Bool = true) -> WBXMLElement {
        ComposeMailRequest(clientID: clientID, saveInSentItems: saveInSentItems, mime: mime).element
    }

    /// The messages in `user`'s folder of `type`, parsed.
    static func messages(_ server: RunningServer, of user: User, in type: FolderType) async throws -> [MIMEMessage] {
        let folder = try #require(try await server.store.folders(of: user.id).first { $0.type == type })
        let changes = try await server.store.itemChanges(in: folder.id, since: ModSeq(rawValue: 0), limit: 100)
        return try changes.changed.compactMap { item in
            guard case .email(let email) = item.content else { return nil }
            return try MIMEMessage(parsing: Array(email.raw))
        }
    }

    @Test func aMessageToALocalUserLandsInTheirInboxAndTheSendersSentItems() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let bruno = try await server.createOtherUser()
        let device = try await server.session()
        let reply = try await device.send(
            "SendMail", Self.sendMail(Self.message(to: "Bruno <BRUNO@tern.example>", bcc: "anna@tern.example")))
        #expect(reply.status == 200 && reply.body == nil)

        let received = try await Self.messages(server, of: bruno, in: .inbox)
        #expect(received.map(\.subject) == ["Lunch"])
        #expect(received.first?.from.map(\.address) == ["anna@tern.example"], "From is the sender's own address")
        #expect(received.first?.headers["Bcc"] == nil, "Bcc is not delivered")
        #expect(received.first?.messageID != nil && received.first?.date != nil)
        #expect(try await Self.messages(server, of: server.user, in: .inbox).count == 1, "the Bcc copy")
        let sent = try await Self.messages(server, of: server.user, in: .sentItems)
        #expect(sent.map(\.subject) == ["Lunch"])
        #expect(sent.first?.bcc.map(\.address) == ["anna@tern.example"], "the sender's copy keeps Bcc")
        #expect(sent.first?.messageID == received.first?.messageID)
    }

    @Test func theSameClientIdAgainIsStatus118AndSendsNothingTwice() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let bruno = try await server.createOtherUser()
        let device = try await server.session()
        let request = Self.sendMail(Self.message(to: "bruno@tern.example"), clientID: "lost-response-1")
        #expect(try await device.send("SendMail", request).status == 200)
        let again = try await device.send("SendMail", request)
        #expect(again.text("Status") == "118")
        #expect(try await Self.messages(server, of: bruno, in: .inbox).count == 1)
        #expect(try await Self.messages(server, of: server.user, in: .sentItems).count == 1)
    }

    @Test func aMessageSentToOneselfWakesAHeldPing() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        let phone = try await fixture.server.session(deviceID: "phone2")
        async let held = fixture.ping(PushFixture.ping(heartbeat: 480, folders: [fixture.inbox]))
        await fixture.waitUntilHeld()
        let reply = try await phone.send("SendMail", Self.sendMail(Self.message(to: "anna@tern.example")))
        #expect(reply.status == 200)
        let (ping, _) = try await held
        #expect(ping.ping?.status == .changesOccurred)
        #expect(ping.ping?.folders == [fixture.inbox.serverID])
    }

    /// Messages that must not be sent, each with the status it gets.
    static let unsendable: [(mime: String, status: Int)] = [
        ("To: somebody@outside.example\r\nSubject: x\r\n\r\nx\r\n", 116),
        ("Subject: nobody\r\n\r\nx\r\n", 119),
        ("To: bruno@tern.example, stranger@outside.example\r\n\r\nx\r\n", 116),
        ("\r\n\r\n", 107),
        ("To: " + (0..<1000).map { "r\($0)@tern.example" }.joined(separator: ", ") + "\r\n\r\nx\r\n", 120),
    ]

    /// Each message that must not be sent gets its status, and nothing reaches anyone.
    @Test(arguments: unsendable)
    func aMessageThatCannotBeSentGetsItsStatusAndReachesNoOne(mime: String, status: Int) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let bruno = try await server.createOtherUser()
        let device = try await server.session()
        let reply = try await device.send("SendMail", Self.sendMail(Array(mime.utf8)))
        #expect(reply.status == 200)
        #expect(reply.text("Status") == String(status))
        #expect(try await Self.messages(server, of: bruno, in: .inbox).isEmpty)
        #expect(try await Self.messages(server, of: server.user, in: .sentItems).isEmpty)
    }

    @Test func aMessageOverTheSizeLimitIsStatus120() async throws {
        let server = try await RunningServer { $0.submission.maxMessageBytes = 1_000 }
        defer { Task { await server.stop() } }
        _ = try await server.createOtherUser()
        let device = try await server.session()
        let large = Self.message(to: "bruno@tern.example") + Array(repeating: UInt8(ascii: "x"), count: 1_000)
        #expect(try await device.send("SendMail", Self.sendMail(large)).text("Status") == "120")
    }

    /// 12.1 has no ComposeMail document: the message is the body, SaveInSent is in the query.
    @Test func the121FormSendsTheBodyAsTheMessage() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let bruno = try await server.createOtherUser()
        let device = try await server.session(version: "12.1")
        let reply = try await server.post(
            "SendMail&SaveInSent=T", version: "12.1", policyKey: device.policyKey,
            headers: ["Content-Type: message/rfc822"], rawBody: Self.message(to: "bruno@tern.example"))
        #expect(reply.status == 200)
        #expect(try await Self.messages(server, of: bruno, in: .inbox).count == 1)
        #expect(try await Self.messages(server, of: server.user, in: .sentItems).count == 1)
    }
}
