import Foundation

/// RFC 2047 encoded words: non-ASCII text in headers, `=?charset?encoding?text?=`.
///
/// Both encodings are decoded: "B" (base64, section 4.1) and "Q" (section 4.2, `_` is a
/// space). Whitespace between two adjacent encoded words is dropped (section 6.2), and the
/// bytes of adjacent words in one charset are joined before decoding, so a character split
/// across two words by a careless mailer survives. A charset's RFC 2231 language suffix
/// (`utf-8*en`) is ignored. Tolerant like a mail client: words are found even when glued to
/// other text, and a malformed word (no closing `?=`, an unknown encoding, bad base64) is left
/// exactly as written.
///
/// ```
/// Subject: =?UTF-8?B?R3LDvMOfZQ==?= =?ISO-8859-1?Q?_aus_K=F6ln?=
///   -> "Grüße aus Köln"
/// ```
public enum EncodedWord {
    /// `text` as it is when it is ASCII without line breaks, else one UTF-8 "B" encoded word.
    public static func encode(_ text: String) -> String {
        text.allSatisfy { $0.isASCII && !$0.isNewline } ? text : "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    /// `text` with every well-formed encoded word decoded.
    public static func decode(_ text: String) -> String {
        guard text.mayHoldEncodedWord else { return text }
        let bytes = Array(text.utf8)
        var segments: [Segment] = []
        var textStart = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?"),
                let (word, end) = parseWord(bytes, at: index)
            {
                if textStart < index { segments.append(.text(textStart..<index)) }
                segments.append(word)
                index = end
                textStart = end
            } else {
                index += 1
            }
        }
        if textStart < bytes.count { segments.append(.text(textStart..<bytes.count)) }
        return join(segments, bytes)
    }

    private enum Segment {
        case text(Range<Int>)
        case word(charset: String, bytes: [UInt8])

        var isWord: Bool {
            if case .word = self { true } else { false }
        }
    }

    private static func join(_ segments: [Segment], _ bytes: [UInt8]) -> String {
        var result = ""
        var pending: (charset: String, bytes: [UInt8])?
        func flush() {
            if let word = pending { result += Charset.decode(word.bytes, charset: word.charset) }
            pending = nil
        }
        for (position, segment) in segments.enumerated() {
            switch segment {
            case .text(let range):
                let betweenWords =
                    position > 0 && segments[position - 1].isWord
                    && position + 1 < segments.count && segments[position + 1].isWord
                if betweenWords, bytes[range].allSatisfy({ $0.isWSP || $0 == 0x0D || $0 == 0x0A }) { continue }
                flush()
                result += String(decoding: bytes[range], as: UTF8.self)
            case .word(let charset, let decoded):
                if let word = pending, word.charset == charset {
                    pending?.bytes += decoded
                } else {
                    flush()
                    pending = (charset, decoded)
                }
            }
        }
        flush()
        return result
    }

    /// The word starting with `=?` at `start`, and the index after its closing `?=`.
    private static func parseWord(_ bytes: [UInt8], at start: Int) -> (Segment, Int)? {
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?") {
            guard isWordByte(bytes[index]), index - charsetStart < 64 else { return nil }
            index += 1
        }
        guard index > charsetStart, index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "?") else { return nil }
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self).lowercasedForMatching()
        let encoding = bytes[index + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        index += 3
        let textStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?") {
            guard isWordByte(bytes[index]) else { return nil }
            index += 1
        }
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "=") else { return nil }
        let encoded = bytes[textStart..<index]
        let decoded = encoding == UInt8(ascii: "b") ? Base64Transfer.decodeStrict(encoded) : decodeQ(encoded)
        guard let decoded else { return nil }
        return (.word(charset: charset, bytes: decoded), index + 2)
    }

    /// Printable ASCII other than `?`: what encoded text and charset names are made of.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "?")
    }

    /// The "Q" encoding (section 4.2): `_` is a space, `=XX` a byte; a stray `=` stays.
    private static func decodeQ(_ encoded: ArraySlice<UInt8>) -> [UInt8] {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "="), index + 2 < encoded.endIndex,
                let high = QuotedPrintable.hexValue(encoded[index + 1]),
                let low = QuotedPrintable.hexValue(encoded[index + 2])
            {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(byte == UInt8(ascii: "_") ? 0x20 : byte)
                index += 1
            }
        }
        return decoded
    }
}
