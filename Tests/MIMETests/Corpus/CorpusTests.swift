import Foundation
import MIME
import Testing

/// The golden corpus: each fixture parses to the values a mail client would show.
struct CorpusTests {
    @Test func everyFixtureFileHasExpectations() {
        #expect(Set(CorpusFixture.allFiles) == Set(CorpusFixture.all.map(\.file)))
        #expect(CorpusFixture.all.count >= 15)
    }

    @Test(arguments: CorpusFixture.all)
    func fixtureParsesToTheValuesAMailClientShows(_ fixture: CorpusFixture) throws {
        let message = try fixture.message()
        #expect(message.subject == fixture.subject)
        #expect(message.from == fixture.from)
        #expect(message.to == fixture.to)
        #expect(message.cc == fixture.cc)
        #expect(message.date == fixture.date)
        #expect(message.messageID == fixture.messageID)
        #expect(message.importance == fixture.importance)
        if let start = fixture.plainStart {
            let body = try #require(lf(message.plainTextBody))
            #expect(body.hasPrefix(start), "plain body was: \(body.debugDescription)")
        } else {
            #expect(message.plainTextBody == nil)
        }
        if let fragment = fixture.htmlContains {
            let html = try #require(message.htmlBody)
            #expect(html.contains(fragment), "HTML body was: \(html.debugDescription)")
        } else {
            #expect(message.htmlBody == nil)
        }
        #expect(message.preview() == fixture.preview)
        let attachments = message.attachments.map {
            CorpusFixture.Attachment(
                filename: $0.filename, mimeType: $0.contentType.mimeType, size: $0.decodedSize,
                contentID: $0.contentID, isInline: $0.isInline)
        }
        #expect(attachments == fixture.attachments)
    }

    @Test(arguments: CorpusFixture.all)
    func rawBytesAreKeptExactlyAndRangesPointIntoThem(_ fixture: CorpusFixture) throws {
        let bytes = try fixture.bytes()
        let message = try MIMEMessage(parsing: bytes)
        #expect(message.raw == bytes)
        for attachment in message.attachments {
            #expect(attachment.range.lowerBound <= attachment.bodyRange.lowerBound)
            #expect(attachment.bodyRange.upperBound <= attachment.range.upperBound)
            if let firstField = attachment.part.headers.first {
                #expect(message.raw[attachment.range].starts(with: firstField.name.utf8))
                #expect(firstField.range.lowerBound == attachment.range.lowerBound)
            }
            #expect(message.decodedBytes(of: attachment).count == attachment.decodedSize)
        }
        for field in message.headers {
            let text = String(decoding: message.raw[field.range], as: UTF8.self)
            #expect(text.lowercased().hasPrefix(field.name.lowercased()))
        }
    }

    @Test func attachmentsDecodeToTheirOriginalBytes() throws {
        let message = try #require(CorpusFixture.all.first { $0.file == "multipart-mixed-attachments.eml" }).message()
        let pdf = try #require(message.attachments.first)
        #expect(pdf.decodedBytes().starts(with: Array("%PDF-1.4\n".utf8)))
        let png = try #require(message.attachments.last)
        #expect(png.decodedBytes().starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let partText = String(decoding: message.raw[pdf.range], as: UTF8.self)
        #expect(partText.hasPrefix("Content-Type: application/pdf; name=\"Rechnung.pdf\""))
        #expect(pdf.path == [1])
        #expect(message.root.children[0].contentType.mimeType == "multipart/alternative")
    }

    @Test func attachedMessageIsParsedForDisplayButIsNotTheBody() throws {
        let message = try #require(CorpusFixture.all.first { $0.file == "rfc822-attachment.eml" }).message()
        let attached = message.root.children[1]
        #expect(attached.kind == .message)
        let inner = try #require(attached.children.first)
        #expect(inner.headers.decodedValue(named: "Subject") == "Original: budget 2024")
        #expect(AddressList.parse(inner.headers["From"] ?? "") == [mailbox("Grace Hopper", "grace@example.org")])
        #expect(inner.children.map(\.contentType.mimeType) == ["text/plain", "text/html"])
        #expect(message.htmlBody == nil)
        let eml = try #require(message.attachments.first)
        #expect(eml.decodedBytes().starts(with: Array("From: Grace Hopper".utf8)))
    }

    @Test func calendarInvitationIsAnAttachmentWithItsMethod() throws {
        let message = try #require(CorpusFixture.all.first { $0.file == "calendar-invitation.eml" }).message()
        let calendar = try #require(message.attachments.first)
        #expect(calendar.contentType.parameters["method"] == "REQUEST")
        #expect(calendar.part.text().hasPrefix("BEGIN:VCALENDAR\r\nMETHOD:REQUEST"))
        #expect(calendar.path == [0, 2])
    }

    @Test func threadingHeadersAreReadWithoutAngleBrackets() throws {
        let message = try #require(CorpusFixture.all.first { $0.file == "multipart-alternative.eml" }).message()
        #expect(message.inReplyTo == "q1-figures@example.com")
        #expect(message.references == ["q1-start@example.com", "q1-figures@example.com"])
        #expect(message.replyTo == [mailbox(nil, "finance@example.com")])
    }

    @Test func malformedEncodedWordsAreLeftAsWritten() throws {
        let message = try #require(CorpusFixture.all.first { $0.file == "encoded-word-subjects.eml" }).message()
        #expect(message.headers.decodedValue(named: "Thread-Topic") == "=?utf-8?Q?Not_closed")
    }

    /// The NUL among the garbage is dropped: no device could be sent it.
    @Test func headerGarbageIsReadAsLatin1AndUnknownEncodingsAsEightBit() throws {
        let message = try #require(CorpusFixture.all.first { $0.file == "header-garbage-8bit.eml" }).message()
        #expect(message.headers["X-Garbage"] == "ÿþbinary  continued €\u{81}")
        #expect(message.root.transferEncoding.rawValue == "x-unknown-encoding")
        #expect(message.root.transferEncoding.isIdentity)
        #expect(message.headers["to"] == "bob@tern.test")
    }

    @Test func mboxLineIsSkippedAndGroupsAreFlattened() throws {
        let message = try #require(CorpusFixture.all.first { $0.file == "mbox-groups-no-blank-line.eml" }).message()
        #expect(message.headers.first?.name == "From")
        #expect(message.headers.count == 6)
        #expect(message.bcc == [mailbox("Old Style", "old@example.com"), mailbox(nil, "routed@example.com")])
    }

    @Test func boundaryThatNeverOccursMakesTheWholeBodyOnePart() throws {
        let message = try #require(CorpusFixture.all.first { $0.file == "boundary-absent.eml" }).message()
        #expect(message.root.kind == .multipart)
        #expect(message.root.children.count == 1)
        #expect(message.root.children[0].headers.isEmpty)
        #expect(message.attachments.isEmpty)
    }

    @Test func bodyOnlyInputHasNoHeaders() throws {
        let message = try #require(CorpusFixture.all.first { $0.file == "body-only.eml" }).message()
        #expect(message.headers.isEmpty)
        #expect(message.root.contentType == .defaultPlainText)
        #expect(message.root.bodyRange == 0..<message.raw.count)
    }
}
