import Foundation

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (Unicode whitespace too).
    /// Walks the scalars itself: Foundation's `trimmingCharacters(in:)` bridges through
    /// NSString and was the largest single cost of writing a Sync response.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isMIMEWhitespace }),
            let end = scalars.lastIndex(where: { !$0.isMIMEWhitespace })
        else { return "" }
        if start == scalars.startIndex, scalars.index(after: end) == scalars.endIndex { return self }
        return String(scalars[start...end])
    }

    /// `lowercased()`, returning the string itself when there is nothing to change: header
    /// names and MIME tokens are mostly lower-case ASCII already, and are compared often.
    func lowercasedForMatching() -> String {
        utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) ? self : lowercased()
    }

    /// Whether the text holds `=?`, where an RFC 2047 encoded word starts.
    var mayHoldEncodedWord: Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }

    /// Without surrounding whitespace and one pair of surrounding double or single quotes.
    func trimmingQuotes() -> String {
        let text = trimmingWhitespace()
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast()).trimmingWhitespace()
        }
        return text
    }

    /// The text between one pair of surrounding angle brackets, or the trimmed text if there are none.
    func trimmingAngleBrackets() -> String {
        let text = trimmingWhitespace()
        if text.hasPrefix("<"), text.hasSuffix(">"), text.count >= 2 {
            return String(text.dropFirst().dropLast()).trimmingWhitespace()
        }
        return text
    }
}

extension Unicode.Scalar {
    /// Unicode whitespace; ASCII is decided without a property lookup, which is slow enough
    /// to show in a Sync response.
    var isMIMEWhitespace: Bool { isASCII ? self == " " || (0x09...0x0D).contains(value) : properties.isWhitespace }
}

extension UInt8 {
    /// Space or horizontal tab: RFC 5322 WSP.
    var isWSP: Bool { self == 0x20 || self == 0x09 }
}
