import Foundation
import MIME
import TernClient
import Testing

/// The message `send` builds, read back by the parser the server files mail with.
@Suite struct OutgoingMessageTests {
    @Test func aMessageWithAnAttachmentParsesBackWhole() throws {
        let attachment = OutgoingMessage.Attachment(
            fileName: "notes.txt", bytes: Array(String(repeating: "line\n", count: 40).utf8))
        let message = OutgoingMessage(
            to: ["bob@example.org", "eve@example.org"], subject: "Grüße aus Berlin", body: "Hallo Bob,\nbis Freitag.\n",
            attachments: [attachment])
        let parsed = try MIMEMessage(
            parsing: message.mime(date: Date(timeIntervalSince1970: 1_796_115_600), messageID: "m1@tern-device"))
        #expect(parsed.subject == "Grüße aus Berlin")
        #expect(parsed.to.map(\.address) == ["bob@example.org", "eve@example.org"])
        #expect(parsed.plainTextBody == "Hallo Bob,\nbis Freitag.\n")
        #expect(parsed.attachments.map(\.filename) == ["notes.txt"])
        #expect(parsed.attachments.first?.part.decodedBody() == attachment.bytes)
        #expect(parsed.headers.decodedValue(named: "Message-ID") == "<m1@tern-device>")
    }

    @Test func aPlainMessageIsOnePart() throws {
        let parsed = try MIMEMessage(
            parsing: OutgoingMessage(to: ["bob@example.org"], subject: "Hi", body: "Hello.").mime())
        #expect(parsed.plainTextBody == "Hello." && parsed.attachments.isEmpty)
    }
}
