/// Message identifiers in Message-ID, In-Reply-To and References (RFC 5322 section 3.6.4).
///
/// Each `<id-left@id-right>` is returned without its angle brackets; comments and other text
/// between them (`<a@b> (Jane's message of Monday)`) are ignored. A field with no angle
/// brackets at all, as some mailers send, yields its whitespace-separated words.
enum MessageIDList {
    static func parse(_ value: String) -> [String] {
        var identifiers: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else { break }
            let identifier = rest[afterOpen..<close].filter { !$0.isWhitespace }
            if !identifier.isEmpty { identifiers.append(identifier) }
            rest = rest[rest.index(after: close)...]
        }
        if identifiers.isEmpty, !value.contains("<") {
            return value.split { $0.isWhitespace }.map(String.init).filter { !$0.hasPrefix("(") }
        }
        return identifiers
    }
}
