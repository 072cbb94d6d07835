/// The short plain text a device shows under a message's subject (EAS `airsyncbase:Preview`,
/// MS-ASAIRS section 2.2.2.34, at most 255 characters).
///
/// Runs of whitespace become one space, and invisible characters newsletters use as padding
/// (zero-width spaces and joiners, soft hyphens, byte order marks) are dropped. From HTML, tags
/// and comments are removed, `<head>`, `<style>`, `<script>` and `<title>` with their content,
/// block tags and `<br>` read as a space, and character references decoded. Only as much of
/// the text is read as the preview needs.
///
/// ```
/// <p>Hello&nbsp;<b>world</b></p><p>Second</p>   ->  "Hello world Second"
/// ```
public enum Preview {
    /// Plain text, whitespace collapsed, at most `maxCharacters` characters.
    public static func text(fromPlainText text: String, maxCharacters: Int = 255) -> String {
        var collector = Collector(limit: maxCharacters)
        for scalar in text.unicodeScalars {
            guard !collector.isFull else { break }
            collector.append(scalar)
        }
        return collector.result
    }

    /// The visible text of an HTML document, whitespace collapsed, at most `maxCharacters` characters.
    public static func text(fromHTML html: String, maxCharacters: Int = 255) -> String {
        var collector = Collector(limit: maxCharacters)
        let scalars = Array(html.unicodeScalars.prefix(1 << 20))
        var index = 0
        while index < scalars.count, !collector.isFull {
            let scalar = scalars[index]
            if scalar == "<" {
                index = skipMarkup(scalars, from: index, into: &collector)
            } else if scalar == "&", let (decoded, end) = characterReference(scalars, at: index) {
                for decodedScalar in decoded { collector.append(decodedScalar) }
                index = end
            } else {
                collector.append(scalar)
                index += 1
            }
        }
        return collector.result
    }

    /// Skips the tag, comment or element content starting at `<`; returns the index after it.
    private static func skipMarkup(_ scalars: [Unicode.Scalar], from start: Int, into collector: inout Collector) -> Int
    {
        let next = start + 1
        guard next < scalars.count else { return scalars.count }
        if scalars[next] == "!" {
            if matches(scalars, at: next + 1, "--") {
                return find(scalars, "-->", from: next + 3).map { $0 + 3 } ?? scalars.count
            }
            return find(scalars, ">", from: next).map { $0 + 1 } ?? scalars.count
        }
        guard scalars[next] == "/" || scalars[next] == "?" || scalars[next].properties.isAlphabetic else {
            collector.append("<")
            return next
        }
        var nameEnd = scalars[next] == "/" ? next + 1 : next
        let nameStart = nameEnd
        while nameEnd < scalars.count,
            scalars[nameEnd].properties.isAlphabetic || ("0"..."9").contains(scalars[nameEnd])
        {
            nameEnd += 1
        }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<nameEnd])).lowercased()
        let tagEnd = endOfTag(scalars, from: nameEnd)
        if scalars[next] != "/", skippedElements.contains(name) {
            let closing = Array("</\(name)".unicodeScalars)
            guard let close = findIgnoringCase(scalars, closing, from: tagEnd) else { return scalars.count }
            return endOfTag(scalars, from: close + closing.count)
        }
        if blockElements.contains(name) { collector.append(" ") }
        return tagEnd
    }

    /// The index after the `>` that ends a tag, skipping quoted attribute values.
    private static func endOfTag(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return index + 1
            }
            index += 1
        }
        return scalars.count
    }

    private static func matches(_ scalars: [Unicode.Scalar], at index: Int, _ text: String) -> Bool {
        let needle = Array(text.unicodeScalars)
        return index + needle.count <= scalars.count && Array(scalars[index..<(index + needle.count)]) == needle
    }

    private static func find(_ scalars: [Unicode.Scalar], _ text: String, from start: Int) -> Int? {
        findIgnoringCase(scalars, Array(text.unicodeScalars), from: start)
    }

    private static func findIgnoringCase(_ scalars: [Unicode.Scalar], _ needle: [Unicode.Scalar], from start: Int)
        -> Int?
    {
        guard !needle.isEmpty, start >= 0, scalars.count >= needle.count, start <= scalars.count - needle.count else {
            return nil
        }
        for index in start...(scalars.count - needle.count) {
            var same = true
            for offset in 0..<needle.count where lowered(scalars[index + offset]) != lowered(needle[offset]) {
                same = false
                break
            }
            if same { return index }
        }
        return nil
    }

    private static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }

    /// `&name;`, `&#123;` or `&#x1F600;` at `start`: the text it stands for and the index after it.
    private static func characterReference(_ scalars: [Unicode.Scalar], at start: Int) -> ([Unicode.Scalar], Int)? {
        var end = start + 1
        while end < scalars.count, end - start <= 10, scalars[end] != ";" { end += 1 }
        guard end < scalars.count, scalars[end] == ";", end > start + 1 else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            // `&#2;` must not bring back a character no EAS string can carry.
            return ([scalar.isUnsendable ? "\u{FFFD}" : scalar], end + 1)
        }
        guard let scalar = namedReferences[body] else { return nil }
        return ([scalar], end + 1)
    }

    private static let namedReferences: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "euro": "€", "pound": "£",
        "yen": "¥", "cent": "¢", "sect": "§", "deg": "°", "shy": "\u{AD}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "egrave": "è", "agrave": "à", "ccedil": "ç", "ntilde": "ñ", "times": "×",
    ]

    /// Elements whose content is never shown.
    private static let skippedElements: Set<String> = ["head", "style", "script", "title", "template"]

    /// Elements that break the text flow: read as a space so words on either side don't join.
    private static let blockElements: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "hr", "section", "article", "header", "footer", "dd", "dt", "img",
    ]

    /// Collects scalars into collapsed text and stops once `limit` characters are there.
    struct Collector {
        let limit: Int
        private var text = ""
        private var pendingSpace = false
        private var scalarCount = 0
        private(set) var isFull: Bool

        init(limit: Int) {
            self.limit = max(0, limit)
            isFull = self.limit == 0
        }

        mutating func append(_ scalar: Unicode.Scalar) {
            guard !isFull else { return }
            if Self.invisible.contains(scalar.value) { return }
            if scalar.isMIMEWhitespace {
                pendingSpace = !text.isEmpty
                return
            }
            if pendingSpace {
                text.unicodeScalars.append(" ")
                scalarCount += 1
                pendingSpace = false
            }
            text.unicodeScalars.append(scalar)
            scalarCount += 1
            // A character may be several scalars: count characters now and then once there are
            // enough scalars, and stop outright on absurd runs of combining marks.
            if scalarCount > limit, scalarCount % 8 == 0 || scalarCount == limit + 1, text.count > limit {
                isFull = true
            } else if scalarCount >= limit * 4 + 64 {
                isFull = true
            }
        }

        var result: String {
            String(text.prefix(limit)).trimmingWhitespace()
        }

        private static let invisible: Set<UInt32> = [0x00AD, 0x034F, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
    }
}
