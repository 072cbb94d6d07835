import MIME
import Testing

struct HeadersTests {
    private func message(_ text: String) throws -> MIMEMessage {
        try MIMEMessage(parsing: Array(text.utf8))
    }

    @Test func lookUpIgnoresCaseAndKeepsOrder() throws {
        let parsed = try message("Received: one\r\nSUBJECT: Hello\r\nreceived: two\r\n\r\nbody")
        #expect(parsed.headers["subject"] == "Hello")
        #expect(parsed.headers["Subject"] == "Hello")
        #expect(parsed.headers.values(named: "RECEIVED") == ["one", "two"])
        #expect(parsed.headers.map(\.name) == ["Received", "SUBJECT", "received"])
        #expect(parsed.headers["X-Missing"] == nil)
    }

    @Test func foldedFieldsAreUnfoldedKeepingTheWhitespace() throws {
        let parsed = try message("Subject: one\r\n two\r\n\tthree\r\n\r\n")
        #expect(parsed.headers["Subject"] == "one two\tthree")
        #expect(parsed.headers.first?.range == 0..<28)
    }

    @Test func bareLFEndsLinesAsWellAsCRLF() throws {
        let parsed = try message("A: 1\nB: 2\r\nC: 3\n\nbody\n")
        #expect(parsed.headers.map(\.value) == ["1", "2", "3"])
        #expect(parsed.plainTextBody == "body\n")
    }

    @Test func whitespaceBeforeTheColonIsAccepted() throws {
        let parsed = try message("Subject : obsolete form\r\n\r\n")
        #expect(parsed.headers.first?.name == "Subject")
        #expect(parsed.subject == "obsolete form")
    }

    @Test func theFirstNonFieldLineStartsTheBody() throws {
        let parsed = try message("Subject: no blank line\r\nthis is body text\r\nMore: not a header\r\n")
        #expect(parsed.headers.count == 1)
        #expect(parsed.plainTextBody == "this is body text\r\nMore: not a header\r\n")
    }

    @Test func headersWithoutABodyGiveAnEmptyBody() throws {
        let parsed = try message("Subject: only headers")
        #expect(parsed.subject == "only headers")
        #expect(parsed.root.body.isEmpty)
        #expect(parsed.plainTextBody == "")
    }

    @Test func invalidUTF8HeaderBytesAreReadAsLatin1() throws {
        let parsed = try MIMEMessage(
            parsing: Array("Subject: Caf".utf8) + [0xE9] + Array("\r\nX: ".utf8) + [0xC3, 0xA9] + [0x0D, 0x0A])
        #expect(parsed.subject == "Café")
        #expect(parsed.headers["X"] == "é")
    }

    @Test func headerSectionRangeEndsBeforeTheBlankLine() throws {
        let parsed = try message("A: 1\r\nB: 2\r\n\r\nbody")
        #expect(parsed.headers.range == 0..<12)
        #expect(parsed.root.bodyRange == 14..<18)
    }

    @Test func decodedValueDecodesEncodedWordsButValueDoesNot() {
        let field = HeaderField(name: "Subject", value: "=?UTF-8?Q?Caf=C3=A9?= ist offen")
        #expect(field.decodedValue == "Café ist offen")
        #expect(field.value == "=?UTF-8?Q?Caf=C3=A9?= ist offen")
    }
}
