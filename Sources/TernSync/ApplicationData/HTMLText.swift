/// Plain text as HTML, for the places EAS wants HTML of a message written in plain text.
enum HTMLText {
    /// The text escaped in a minimal document, each line ending in `<br>`: `a < b\nc` becomes
    /// `<html><body>a &lt; b<br>\nc</body></html>`.
    static func document(fromPlainText text: String) -> String {
        var html = "<html><body>"
        for character in text {
            switch character {
            case "&": html += "&amp;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "\"": html += "&quot;"
            case "\n", "\r\n": html += "<br>\n"
            default: html.append(character)
            }
        }
        return html + "</body></html>"
    }
}
