import Foundation

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        trimmingCharacters(in: .whitespacesAndNewlines)
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

extension UInt8 {
    /// Space or horizontal tab: RFC 5322 WSP.
    var isWSP: Bool { self == 0x20 || self == 0x09 }
}
