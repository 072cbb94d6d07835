/// A header section (RFC 5322 section 2.2): the fields of a message or a body part, in order,
/// with case-insensitive look-up by name.
///
/// ```
/// headers["subject"]                   // the first Subject field's value
/// headers.values(named: "Received")    // every Received field, top first
/// ```
public struct MIMEHeaders: RandomAccessCollection, Hashable, Sendable {
    public let fields: [HeaderField]
    /// The header section's bytes in the parsed input, without the blank line that ends it.
    public let range: Range<Int>

    public init(_ fields: [HeaderField], range: Range<Int> = 0..<0) {
        self.fields = fields
        self.range = range
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> HeaderField { fields[position] }

    /// The value of the first field called `name` (any case), unfolded, encoded words not decoded.
    public subscript(name: String) -> String? { first(named: name)?.value }

    /// The first field called `name` (any case).
    public func first(named name: String) -> HeaderField? {
        let key = name.lowercasedForMatching()
        return fields.first { $0.key == key }
    }

    /// Every field called `name` (any case), in order.
    public func fields(named name: String) -> [HeaderField] {
        let key = name.lowercasedForMatching()
        return fields.filter { $0.key == key }
    }

    /// The values of every field called `name` (any case), in order.
    public func values(named name: String) -> [String] { fields(named: name).map(\.value) }

    /// The first field called `name`, with RFC 2047 encoded words decoded.
    public func decodedValue(named name: String) -> String? { first(named: name)?.decodedValue }
}

extension MIMEHeaders {
    /// Reads the header section at the start of `range` and returns it with the offset where the
    /// body starts.
    ///
    /// The section ends at the first empty line (which is skipped), or, tolerantly, at the first
    /// line that is neither a field (`name:`, whitespace allowed before the colon as in RFC 5322
    /// section 4.5.2) nor a folded continuation; that line is the first line of the body. So an
    /// input that starts with a non-field line has no headers and is all body. CRLF and bare LF
    /// both end lines. An mbox `From ` line at the very start is skipped when `skippingMboxLine`.
    static func parse(
        _ raw: [UInt8], in range: Range<Int>, maxBytes: Int, skippingMboxLine: Bool
    ) throws(MIMEError) -> (headers: MIMEHeaders, bodyStart: Int) {
        var fields: [HeaderField] = []
        var position = range.lowerBound
        let end = range.upperBound
        if skippingMboxLine, raw[position..<end].starts(with: "From ".utf8) {
            position = (raw[position..<end].firstIndex(of: 0x0A) ?? end - 1) + 1
        }
        let sectionStart = position
        var current: (start: Int, nameEnd: Int, valueStart: Int)?
        var bodyStart = end
        var sectionEnd = end

        func close(at fieldEnd: Int) {
            guard let field = current else { return }
            let name = String(decoding: raw[field.start..<field.nameEnd], as: UTF8.self)
            fields.append(
                HeaderField(
                    name: name, value: unfoldedValue(raw, field.valueStart..<fieldEnd), range: field.start..<fieldEnd))
            current = nil
        }

        while position < end {
            guard position - sectionStart <= maxBytes else {
                throw MIMEError(.headersTooLarge, at: sectionStart, "a header section longer than \(maxBytes) bytes")
            }
            let newline = raw[position..<end].firstIndex(of: 0x0A)
            let next = newline.map { $0 + 1 } ?? end
            var contentEnd = newline ?? end
            if contentEnd > position, raw[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd == position {
                close(at: position)
                sectionEnd = position
                bodyStart = next
                break
            }
            if raw[position].isWSP, current != nil {
                position = next
                continue
            }
            guard let colon = fieldColon(raw, position..<contentEnd) else {
                close(at: position)
                sectionEnd = position
                bodyStart = position
                break
            }
            close(at: position)
            var nameEnd = colon
            while nameEnd > position, raw[nameEnd - 1].isWSP { nameEnd -= 1 }
            current = (position, nameEnd, colon + 1)
            position = next
        }
        if position >= end {
            close(at: end)
            sectionEnd = end
            bodyStart = end
        }
        guard sectionEnd - sectionStart <= maxBytes else {
            throw MIMEError(.headersTooLarge, at: sectionStart, "a header section longer than \(maxBytes) bytes")
        }
        return (MIMEHeaders(fields, range: sectionStart..<sectionEnd), bodyStart)
    }

    /// The colon ending a field name (printable ASCII except colon, section 3.6.8), optionally
    /// followed by whitespace before the colon; nil if the line is not a field.
    private static func fieldColon(_ raw: [UInt8], _ line: Range<Int>) -> Int? {
        var index = line.lowerBound
        while index < line.upperBound, raw[index] > 0x20, raw[index] < 0x7F, raw[index] != UInt8(ascii: ":") {
            index += 1
        }
        guard index > line.lowerBound else { return nil }
        while index < line.upperBound, raw[index].isWSP { index += 1 }
        return index < line.upperBound && raw[index] == UInt8(ascii: ":") ? index : nil
    }

    /// The field body with its line breaks removed (unfolding), unsendable control characters
    /// dropped and surrounding whitespace trimmed.
    private static func unfoldedValue(_ raw: [UInt8], _ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        for byte in raw[range] where byte != 0x0D && byte != 0x0A { bytes.append(byte) }
        return Charset.decodeUnlabelled(bytes).withoutUnsendableCharacters.trimmingWhitespace()
    }
}
