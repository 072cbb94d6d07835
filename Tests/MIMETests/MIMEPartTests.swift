import MIME
import Testing

struct MIMEPartTests {
    private func parse(_ text: String, limits: MIMELimits = .default) throws -> MIMEMessage {
        try MIMEMessage(parsing: Array(text.utf8), limits: limits)
    }

    @Test func theLineBreakBeforeADelimiterBelongsToTheDelimiter() throws {
        let message = try parse(
            "Content-Type: multipart/mixed; boundary=b\r\n\r\npreamble\r\n--b\r\n\r\none\r\n--b\r\n\r\ntwo\r\n\r\n--b--\r\nepilogue"
        )
        #expect(message.root.children.map { String(decoding: $0.decodedBody(), as: UTF8.self) } == ["one", "two\r\n"])
        #expect(message.root.children.map(\.path) == [[0], [1]])
    }

    @Test func delimitersMayCarryTrailingWhitespace() throws {
        let message = try parse("Content-Type: multipart/mixed; boundary=b\n\n--b \t\n\none\n--b--  \n")
        #expect(message.root.children.count == 1)
        #expect(message.plainTextBody == "one")
    }

    @Test func aBoundaryThatIsAPrefixOfAnotherLineDoesNotSplit() throws {
        let raw = """
            Content-Type: multipart/mixed; boundary=abc

            --abc
            Content-Type: multipart/alternative; boundary=abc-1

            --abc-1
            Content-Type: text/plain

            inner plain
            --abc-1--
            --abc--

            """
        let message = try parse(raw)
        #expect(message.root.children.count == 1)
        #expect(message.root.children[0].children.count == 1)
        #expect(message.plainTextBody == "inner plain")
    }

    @Test func aMissingCloseDelimiterEndsTheLastPartAtTheEnd() throws {
        let message = try parse(
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nfirst\r\n--b\r\nContent-Type: text/x-log\r\n\r\ntruncated"
        )
        #expect(message.root.children.count == 2)
        #expect(message.attachments.first?.decodedBytes() == Array("truncated".utf8))
    }

    @Test func aMultipartWithoutABoundaryParameterIsOnePart() throws {
        let message = try parse("Content-Type: multipart/mixed\r\n\r\nContent-Type: text/plain\r\n\r\njust text")
        #expect(message.root.kind == .multipart)
        #expect(message.root.children.count == 1)
        #expect(message.plainTextBody == "just text")
    }

    @Test func aPartWithNoHeadersIsPlainTextAndInADigestAMessage() throws {
        let mixed = try parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nno headers\n--b--\n")
        #expect(mixed.root.children[0].contentType == .defaultPlainText)
        let digest = try parse(
            "Content-Type: multipart/digest; boundary=b\n\n--b\n\nSubject: digested\n\nbody\n--b--\n")
        let part = digest.root.children[0]
        #expect(part.contentType.mimeType == "message/rfc822")
        #expect(part.kind == .message)
        #expect(part.children.first?.headers["Subject"] == "digested")
    }

    @Test func containersDeeperThanMaxDepthStayOpaqueLeaves() throws {
        var raw = ""
        for level in 0..<5 { raw += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        raw += "Content-Type: text/plain\n\ndeep\n"
        let message = try parse(raw, limits: MIMELimits(maxDepth: 3))
        var part = message.root
        var depth = 0
        while let child = part.children.first {
            part = child
            depth += 1
        }
        #expect(depth == 3)
        #expect(part.kind == .single)
        #expect(part.contentType.mimeType == "multipart/mixed")
        #expect(message.attachments.map(\.path) == [[0, 0, 0]])
        #expect(message.plainTextBody == nil)

        let unlimited = try parse(raw)
        #expect(unlimited.plainTextBody == "deep\n")
    }

    @Test func encodedAttachedMessagesAreLeavesButStillAttachments() throws {
        let message = try parse(
            """
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: message/rfc822
            Content-Transfer-Encoding: base64

            U3ViamVjdDogaGkKCmJvZHkK
            --b--

            """)
        let part = message.root.children[0]
        #expect(part.kind == .single)
        #expect(message.attachments.count == 1)
        #expect(message.attachments.first?.decodedBytes() == Array("Subject: hi\n\nbody\n".utf8))
    }

    @Test func relatedBodyIsTheStartPartAndAlternativePrefersTheLast() throws {
        let message = try parse(
            """
            Content-Type: multipart/related; boundary=r; start="<root@x>"

            --r
            Content-Type: text/html
            Content-ID: <other@x>

            <p>not the root</p>
            --r
            Content-Type: multipart/alternative; boundary=a
            Content-ID: <root@x>

            --a
            Content-Type: text/html

            <p>first html</p>
            --a
            Content-Type: text/html

            <p>last html</p>
            --a--
            --r--

            """)
        #expect(message.htmlBody == "<p>last html</p>")
        #expect(message.attachments.map(\.path) == [[0], [1, 0]])
        #expect(message.attachments.first?.isInline == true)
    }

    @Test func textMarkedAsAttachmentIsNotTheBody() throws {
        let message = try parse(
            """
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain; name="notes.txt"
            Content-Disposition: inline; filename="notes.txt"

            attached notes
            --b
            Content-Type: text/plain
            Content-Disposition: attachment

            also attached
            --b
            Content-Type: text/plain

            the body
            --b--

            """)
        #expect(message.plainTextBody == "the body")
        #expect(message.attachments.map(\.filename) == ["notes.txt", nil])
        #expect(message.attachments.map(\.isInline) == [true, false])
    }

    @Test func htmlWithoutACharsetUsesItsMetaCharset() throws {
        let raw =
            Array("Content-Type: text/html\n\n<meta charset=\"koi8-r\"><p>".utf8) + [
                0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4,
            ]
        let message = try MIMEMessage(parsing: raw)
        #expect(message.htmlBody?.hasSuffix("Привет") == true)
        #expect(message.preview() == "Привет")
    }
}
