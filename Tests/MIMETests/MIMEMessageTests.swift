import MIME
import Testing

struct MIMEMessageTests {
    @Test func anEmptyInputIsRefused() {
        #expect(throws: MIMEError.self) { try MIMEMessage(parsing: []) }
        do {
            _ = try MIMEMessage(parsing: [])
        } catch {
            #expect(error.code == .empty)
            #expect(error.offset == 0)
        }
    }

    @Test func limitsRefuseWithADistinctCodeEach() {
        let cases: [(MIMELimits, String, MIMEError.Code)] = [
            (MIMELimits(maxBytes: 10), "Subject: longer than ten bytes\r\n\r\n", .tooLarge),
            (
                MIMELimits(maxHeaderBytes: 16), "Subject: a header longer than sixteen bytes\r\n\r\nbody",
                .headersTooLarge
            ),
            (
                MIMELimits(maxParts: 2),
                "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n1\r\n--b\r\n\r\n2\r\n--b--", .tooManyParts
            ),
        ]
        for (limits, raw, code) in cases {
            do {
                _ = try MIMEMessage(parsing: Array(raw.utf8), limits: limits)
                Issue.record("\(code) was not raised")
            } catch {
                #expect(error.code == code)
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test func aPartsHeaderOverTheLimitIsRefusedToo() {
        let raw =
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nX-Long: " + String(repeating: "x", count: 100)
            + "\r\n\r\nbody\r\n--b--"
        #expect(throws: MIMEError.self) {
            try MIMEMessage(parsing: Array(raw.utf8), limits: MIMELimits(maxHeaderBytes: 64))
        }
    }

    @Test func exactlyAtTheLimitsIsAccepted() throws {
        let raw = Array("Subject: x\r\n\r\nbody".utf8)
        let message = try MIMEMessage(
            parsing: raw, limits: MIMELimits(maxBytes: raw.count, maxParts: 1, maxHeaderBytes: 12))
        #expect(message.subject == "x")
    }

    @Test func aMissingContentTypeIsUSASCIIPlainText() throws {
        let message = try MIMEMessage(parsing: Array("Subject: s\r\n\r\nhello".utf8))
        #expect(message.root.contentType == .defaultPlainText)
        #expect(message.root.contentType.charset == "us-ascii")
        #expect(message.plainTextBody == "hello")
        #expect(message.attachments.isEmpty)
    }

    @Test func aNonTextRootIsTheOnlyAttachment() throws {
        let message = try MIMEMessage(
            parsing: Array("Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERg==".utf8))
        #expect(message.plainTextBody == nil)
        #expect(message.preview() == "")
        #expect(message.attachments.count == 1)
        #expect(message.attachments.first?.decodedBytes() == Array("%PDF".utf8))
        #expect(message.attachments.first?.path == [])
    }

    @Test func severalAddressFieldsOfOneNameAreJoined() throws {
        let message = try MIMEMessage(parsing: Array("To: a@x.example\r\nTo: b@x.example\r\n\r\n".utf8))
        #expect(message.to.map(\.address) == ["a@x.example", "b@x.example"])
    }

    @Test func messageIDsWithoutAngleBracketsAreReadAsWords() throws {
        let message = try MIMEMessage(
            parsing: Array("Message-ID: bare-id@example.com\r\nReferences: a@x b@x\r\n\r\n".utf8))
        #expect(message.messageID == "bare-id@example.com")
        #expect(message.references == ["a@x", "b@x"])
        #expect(message.inReplyTo == nil)
    }
}
