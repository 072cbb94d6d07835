import ActiveSync
import Foundation
import MIME
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// SmartReply and SmartForward over a real socket: the server adds the original the device
/// names, and only one of the sender's own.
@Suite struct SmartReplyForwardTests {
    static let original = Array(
        """
        From: Carla <carla@outside.example>\r
        To: anna@tern.example\r
        Subject: Figures\r
        Date: Mon, 07 Dec 2026 09:00:00 +0000\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="b1"\r
        \r
        --b1\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        The figures are attached.\r
        Two files.\r
        --b1\r
        Content-Type: application/pdf; name="q4.pdf"\r
        Content-Disposition: attachment; filename="q4.pdf"\r
        Content-Transfer-Encoding: base64\r
        \r
        JVBERi0xLjQK\r
        --b1\r
        Content-Type: text/csv; name="q4.csv"\r
        Content-Disposition: attachment; filename="q4.csv"\r
        \r
        a,b\r
        1,2\r
        --b1--\r

        """.utf8)

    static let answer = Array("To: bruno@tern.example\r\nSubject: Re: Figures\r\n\r\nSee below.\r\n".utf8)

    /// A server with bruno, the original in anna's Inbox, and anna's provisioned device.
    static func start() async throws -> (RunningServer, DeviceSession, bruno: User, source: ComposeMailRequest.Source) {
        let server = try await RunningServer()
        let bruno = try await server.createOtherUser()
        let item = try await MailDelivery(store: server.store).deliver(Self.original, to: "anna@tern.example")
        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
        return (
            server, try await server.session(), bruno,
            ComposeMailRequest.Source(folderID: inbox.serverID, itemID: item.serverID)
        )
    }

    @Test func aSmartForwardArrivesWithBothAttachmentsOfTheOriginal() async throws {
        let (server, device, bruno, source) = try await Self.start()
        defer { Task { await server.stop() } }
        let request = ComposeMailRequest(kind: .smartForward, clientID: "f1", source: source, mime: Self.answer)
        #expect(try await device.send("SmartForward", request.element).status == 200)
        let received = try #require(try await SendMailTests.messages(server, of: bruno, in: .inbox).first)
        #expect(received.attachments.map(\.filename) == ["q4.pdf", "q4.csv"])
        #expect(received.attachments.first.map(received.decodedBytes) == Array("%PDF-1.4\n".utf8))
        let text = try #require(received.plainTextBody)
        #expect(text.hasPrefix("See below."))
        #expect(text.contains("---------- Forwarded message ----------") && text.contains("The figures are attached."))
    }

    @Test func aSmartReplyQuotesTheOriginal() async throws {
        let (server, device, bruno, source) = try await Self.start()
        defer { Task { await server.stop() } }
        let request = ComposeMailRequest(kind: .smartReply, clientID: "r1", source: source, mime: Self.answer)
        #expect(try await device.send("SmartReply", request.element).status == 200)
        let received = try #require(try await SendMailTests.messages(server, of: bruno, in: .inbox).first)
        let text = try #require(received.plainTextBody)
        #expect(text.contains("> The figures are attached.\r\n> Two files."))
        #expect(text.contains("\"Carla\" <carla@outside.example> wrote:"))
        #expect(received.attachments.isEmpty, "a reply does not carry the original's attachments")
    }

    @Test func replaceMimeSendsTheDevicesMessageAsItIs() async throws {
        let (server, device, bruno, source) = try await Self.start()
        defer { Task { await server.stop() } }
        let request = ComposeMailRequest(
            kind: .smartReply, clientID: "r2", replaceMime: true, source: source, mime: Self.answer)
        #expect(try await device.send("SmartReply", request.element).status == 200)
        let received = try #require(try await SendMailTests.messages(server, of: bruno, in: .inbox).first)
        #expect(received.plainTextBody == "See below.\r\n")
    }

    /// A SmartReply whose response was lost is resent after the user deleted the original: it
    /// was sent, so the answer is 118, not 150 (the ClientId is checked first).
    @Test func aResentReplyWhoseOriginalIsGoneIsStatus118() async throws {
        let (server, device, bruno, source) = try await Self.start()
        defer { Task { await server.stop() } }
        let request = ComposeMailRequest(kind: .smartReply, clientID: "r3", source: source, mime: Self.answer)
        #expect(try await device.send("SmartReply", request.element).status == 200)
        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
        try await server.store.deleteItem(in: inbox.id, serverID: try #require(source.itemID))
        #expect(try await device.send("SmartReply", request.element).text("Status") == "118")
        #expect(try await SendMailTests.messages(server, of: bruno, in: .inbox).count == 1)
    }

    /// A message that is one attachment (S/MIME, a lone file) is forwarded with the fields that
    /// describe its body only: the original's Bcc and trace fields stay behind.
    @Test func forwardingALoneAttachmentDoesNotCarryTheOriginalsHeader() async throws {
        let (server, device, bruno, _) = try await Self.start()
        defer { Task { await server.stop() } }
        let lone = Array(
            ("From: anna@tern.example\r\nTo: carla@outside.example\r\nBcc: secret@tern.example\r\n"
                + "Subject: Signed\r\nContent-Type: application/pdf; name=\"q4.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n").utf8)
        let item = try await MailDelivery(store: server.store).deliver(lone, to: "anna@tern.example")
        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
        let request = ComposeMailRequest(
            kind: .smartForward, clientID: "f3", source: .init(folderID: inbox.serverID, itemID: item.serverID),
            mime: Self.answer)
        #expect(try await device.send("SmartForward", request.element).status == 200)
        let received = try #require(try await SendMailTests.messages(server, of: bruno, in: .inbox).first)
        #expect(received.attachments.first.map(received.decodedBytes) == Array("%PDF-1.4\n".utf8))
        #expect(!String(decoding: received.raw, as: UTF8.self).contains("secret@tern.example"))
    }

    /// A newsletter in HTML only, answered in HTML only (as some clients write): the composed
    /// plain text keeps both texts.
    @Test func htmlOnlyTextSurvivesAReply() async throws {
        let (server, device, bruno, _) = try await Self.start()
        defer { Task { await server.stop() } }
        let newsletter = Array(
            ("From: news@tern.example\r\nTo: anna@tern.example\r\nSubject: News\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Offices close early</p></body></html>\r\n")
                .utf8)
        let item = try await MailDelivery(store: server.store).deliver(newsletter, to: "anna@tern.example")
        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
        let answer = Array(
            ("To: bruno@tern.example\r\nSubject: Re: News\r\nContent-Type: text/html\r\n\r\n"
                + "<div>Good to know</div>\r\n").utf8)
        let request = ComposeMailRequest(
            kind: .smartReply, clientID: "r4", source: .init(folderID: inbox.serverID, itemID: item.serverID),
            mime: answer)
        #expect(try await device.send("SmartReply", request.element).status == 200)
        let received = try #require(try await SendMailTests.messages(server, of: bruno, in: .inbox).first)
        let text = try #require(received.plainTextBody)
        #expect(text.hasPrefix("Good to know") && text.contains("> Offices close early"), "\(text)")
    }

    @Test func aSourceNamingAnotherUsersMessageIsStatus150AndSendsNothing() async throws {
        let (server, device, bruno, _) = try await Self.start()
        defer { Task { await server.stop() } }
        // Folder and item ids are numbered per user: bruno's second message has an id anna's
        // Inbox, holding one message, does not.
        let delivery = MailDelivery(store: server.store)
        _ = try await delivery.deliver(Self.original, to: "bruno@tern.example")
        let theirs = try await delivery.deliver(Self.original, to: "bruno@tern.example")
        let theirInbox = try #require(try await server.store.folders(of: bruno.id).first { $0.type == .inbox })
        let request = ComposeMailRequest(
            kind: .smartForward, clientID: "f2", source: .init(folderID: theirInbox.serverID, itemID: theirs.serverID),
            mime: Self.answer)
        let reply = try await device.send("SmartForward", request.element)
        #expect(reply.text("Status") == "150")
        #expect(try await server.store.itemCount(in: theirInbox.id) == 2)
    }
}
