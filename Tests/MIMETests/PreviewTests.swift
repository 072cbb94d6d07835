import MIME
import Testing

struct PreviewTests {
    @Test(arguments: [
        ("  Hello \r\n\r\n  world\t! ", "Hello world !"),
        ("a\u{200B}b\u{FEFF}c\u{AD}d", "abcd"),
        ("", ""),
    ])
    func plainTextIsWhitespaceCollapsed(_ text: String, _ preview: String) {
        #expect(Preview.text(fromPlainText: text) == preview)
    }

    @Test(arguments: [
        ("<p>Hello&nbsp;<b>world</b></p><p>Second</p>", "Hello world Second"),
        ("<html><head><title>T</title><style>p{}</style></head><body>Body</body></html>", "Body"),
        ("a<br>b<br/>c", "a b c"),
        ("x<!-- comment <p>hidden</p> -->y", "xy"),
        ("<SCRIPT>alert('<p>')</SCRIPT>shown", "shown"),
        ("1 < 2 &amp;&amp; 3 &gt; 2", "1 < 2 && 3 > 2"),
        ("&#72;&#x69; &unknown; &amp", "Hi &unknown; &amp"),
        ("a&#x2;b&#27;c&#xFFFF;d", "a\u{FFFD}b\u{FFFD}c\u{FFFD}d"),
        ("<a href=\"x>y\">link</a>", "link"),
        ("<img alt='a'>text", "text"),
        ("unclosed <b", "unclosed"),
        ("<style>never closed", ""),
    ])
    func htmlLosesMarkupAndKeepsVisibleText(_ html: String, _ preview: String) {
        #expect(Preview.text(fromHTML: html) == preview)
    }

    @Test func previewStopsAtTheCharacterLimit() {
        let long = String(repeating: "word ", count: 200)
        let preview = Preview.text(fromPlainText: long, maxCharacters: 12)
        #expect(preview == "word word wo")
        #expect(Preview.text(fromHTML: "<p>" + long, maxCharacters: 7) == "word wo")
        #expect(Preview.text(fromPlainText: long, maxCharacters: 0) == "")
        #expect(Preview.text(fromPlainText: "e\u{301}e\u{301}e\u{301}", maxCharacters: 2) == "e\u{301}e\u{301}")
    }

    @Test func messagePreviewFallsBackToHTMLWhenThePlainBodyIsBlank() throws {
        let raw = """
            Content-Type: multipart/alternative; boundary=b\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
               \r
            --b\r
            Content-Type: text/html\r
            \r
            <p>From HTML</p>\r
            --b--\r

            """
        let message = try MIMEMessage(parsing: Array(raw.utf8))
        #expect(message.preview() == "From HTML")
        #expect(message.preview(maxCharacters: 4) == "From")
    }
}
