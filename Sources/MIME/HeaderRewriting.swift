/// A message's header section rewritten for sending, its body left byte for byte: fields
/// removed (Bcc before delivery), set (From to the sender's own address), and added when the
/// device left them out (Date, Message-ID).
///
/// ```
/// message.rewritingHeaders(removing: ["Bcc"], setting: [("From", "Anna <anna@example.org>")])
/// ```
extension MIMEMessage {
    /// The message with every field named in `removing` dropped, the first field of each name in
    /// `setting` given its new value (and later ones dropped), fields of `setting` and `adding`
    /// that the message lacks appended, CRLF after each field. Values must be header-safe
    /// (ASCII, encoded words for the rest).
    public func rewritingHeaders(
        removing: Set<String> = [], setting: [(name: String, value: String)] = [],
        adding: [(name: String, value: String)] = []
    ) -> [UInt8] {
        let removed = Set(removing.map { $0.lowercasedForMatching() })
        var pending = setting.map { (key: $0.name.lowercasedForMatching(), field: $0) }
        var written = Set<String>()
        var output: [UInt8] = []
        output.reserveCapacity(raw.count + 256)
        for field in headers.fields {
            let key = field.name.lowercasedForMatching()
            guard !removed.contains(key) else { continue }
            if let index = pending.firstIndex(where: { $0.key == key }) {
                Self.append(pending.remove(at: index).field, to: &output)
            } else if setting.contains(where: { $0.name.lowercasedForMatching() == key }) {
                continue
            } else {
                output += raw[field.range]
                if output.last != UInt8(ascii: "\n") { output += [0x0D, 0x0A] }
            }
            written.insert(key)
        }
        for field in pending.map(\.field) + adding where !written.contains(field.name.lowercasedForMatching()) {
            Self.append(field, to: &output)
        }
        output += raw[headers.range.upperBound...]
        return output
    }

    private static func append(_ field: (name: String, value: String), to output: inout [UInt8]) {
        output += Array("\(field.name): \(field.value)\r\n".utf8)
    }
}
