/// The `; name=value` parameters of a Content-Type or Content-Disposition field (RFC 2045
/// section 5.1, RFC 2183 section 2), with RFC 2231 continuations and charsets put back together.
///
/// Names are lower-cased. Values lose their quotes and backslash escapes. RFC 2231 pieces
/// (`name*0`, `name*1*`, `name*=charset'lang'%XX`) become one decoded value under the plain
/// name, preferred over a plain `name=` given beside them. Parsing is tolerant: unquoted values
/// may contain spaces, a missing closing quote ends the value at the end of the field, and a
/// parameter without `=` is skipped.
///
/// ```
/// attachment; filename*0*=UTF-8''%E2%82%AC%20Rechnung; filename*1=".pdf"
///   -> filename = "€ Rechnung.pdf"
/// ```
public struct MIMEParameters: Hashable, Sendable {
    /// One parameter after RFC 2231 assembly.
    public struct Parameter: Hashable, Sendable {
        /// Lower-cased.
        public let name: String
        public let value: String

        public init(name: String, value: String) {
            self.name = name.lowercasedForMatching()
            self.value = value
        }
    }

    /// In the order they were written.
    public let all: [Parameter]

    public init(_ parameters: [Parameter] = []) {
        all = parameters
    }

    /// The value of the first parameter called `name`, compared case-insensitively.
    public subscript(name: String) -> String? {
        let key = name.lowercasedForMatching()
        return all.first { $0.name == key }?.value
    }

    /// Splits a structured field value into its leading value (`text/plain`, `attachment`),
    /// with comments removed and lower-cased, and its parameters.
    static func split(_ fieldValue: String) -> (value: String, parameters: MIMEParameters) {
        let bytes = Array(fieldValue.utf8)
        var index = 0
        var lead: [UInt8] = []
        var commentDepth = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: ";") || commentDepth > 0 {
            switch bytes[index] {
            case UInt8(ascii: "("): commentDepth += 1
            case UInt8(ascii: ")"): commentDepth = max(0, commentDepth - 1)
            default: if commentDepth == 0 { lead.append(bytes[index]) }
            }
            index += 1
        }
        let value = String(decoding: lead, as: UTF8.self).trimmingWhitespace().lowercasedForMatching()
        return (value, MIMEParameters(assembling: rawParameters(bytes, from: index)))
    }

    /// The `name=value` pairs as written, from `index` (at a `;` or the end).
    private static func rawParameters(_ bytes: [UInt8], from start: Int) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        var index = start
        while index < bytes.count {
            while index < bytes.count,
                bytes[index] == UInt8(ascii: ";") || bytes[index].isWSP || bytes[index] == 0x0D || bytes[index] == 0x0A
            {
                index += 1
            }
            let nameStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";") {
                index += 1
            }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).trimmingWhitespace()
                .lowercasedForMatching()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, bytes[index].isWSP { index += 1 }
            var value: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                    value.append(bytes[index])
                    index += 1
                }
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
            } else {
                let valueStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
                value = Array(bytes[valueStart..<index])
                while let last = value.last, last.isWSP || last == 0x0D || last == 0x0A { value.removeLast() }
            }
            if !name.isEmpty { pairs.append((name, String(decoding: value, as: UTF8.self))) }
        }
        return pairs
    }
}

extension MIMEParameters {
    /// One RFC 2231 piece: `name*N` (section 3) or `name*N*` / `name*` (section 4, percent-encoded).
    private struct Section {
        let number: Int
        let isEncoded: Bool
        let value: String
    }

    /// Joins RFC 2231 sections and decodes their charsets (RFC 2231 sections 3 and 4).
    init(assembling pairs: [(name: String, value: String)]) {
        var order: [String] = []
        var plain: [String: String] = [:]
        var sections: [String: [Section]] = [:]
        for (name, value) in pairs {
            let base: String
            if let star = name.firstIndex(of: "*"), star != name.startIndex {
                base = String(name[..<star])
                let rest = name[name.index(after: star)...]
                let encoded = rest.isEmpty || rest.hasSuffix("*")
                let digits = rest.hasSuffix("*") ? rest.dropLast() : rest
                guard let number = digits.isEmpty ? 0 : Int(digits), number >= 0, number < 10_000 else { continue }
                if sections[base]?.contains(where: { $0.number == number }) != true {
                    sections[base, default: []].append(Section(number: number, isEncoded: encoded, value: value))
                }
            } else {
                base = name
                if plain[base] == nil { plain[base] = value }
            }
            if !order.contains(base) { order.append(base) }
        }
        self.init(
            order.compactMap { name in
                if let pieces = sections[name] { return Parameter(name: name, value: Self.join(pieces)) }
                return plain[name].map { Parameter(name: name, value: $0) }
            })
    }

    private static func join(_ pieces: [Section]) -> String {
        let sorted = pieces.sorted { $0.number < $1.number }
        var charset: String?
        var text = ""
        var pending: [UInt8] = []
        for (position, piece) in sorted.enumerated() {
            guard piece.isEncoded else {
                text += Charset.decode(pending, charset: charset)
                pending = []
                text += piece.value
                continue
            }
            var encoded = Substring(piece.value)
            if position == 0 {
                let quotes = encoded.indices.filter { encoded[$0] == "'" }
                if quotes.count >= 2 {
                    let name = encoded[..<quotes[0]]
                    charset = name.isEmpty ? nil : String(name)
                    encoded = encoded[encoded.index(after: quotes[1])...]
                }
            }
            pending += percentDecoded(encoded)
        }
        return text + Charset.decode(pending, charset: charset)
    }

    /// `%XX` as a byte; a `%` that starts no valid escape stays as it is.
    private static func percentDecoded(_ text: Substring) -> [UInt8] {
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = QuotedPrintable.hexValue(bytes[index + 1]),
                let low = QuotedPrintable.hexValue(bytes[index + 2])
            {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return decoded
    }
}
