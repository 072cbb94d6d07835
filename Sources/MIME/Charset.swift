public import Foundation

/// Decodes text in a MIME charset (RFC 2046 section 4.1.2; names from the IANA registry,
/// RFC 2978) to a `String`, never failing.
///
/// Labels are matched case-insensitively, with common aliases and the labels mailers really
/// send. Where practice disagrees with the label, practice wins, as in mail clients and the
/// WHATWG Encoding Standard: `iso-8859-1` and `us-ascii` text is read as windows-1252 (so stray
/// C1 bytes become the quotes and dashes they were meant to be), `gb2312` as GB 18030 (its
/// superset, which mailers actually emit), `euc-kr` and `ks_c_5601-1987` as code page 949.
///
/// - An unlabelled or `us-ascii` text is UTF-8 if it is valid UTF-8, else windows-1252.
/// - A known charset whose bytes don't decode is decoded line by line; a bad line is read as
///   lossy UTF-8, so one broken byte doesn't lose the whole text.
/// - An unknown charset is read as lossy UTF-8.
public enum Charset {
    /// The Foundation encoding for a charset label, or nil when Tern doesn't know the label.
    ///
    /// ```
    /// Charset.encoding(named: "ISO-8859-15")   // ISO Latin 9
    /// Charset.encoding(named: "x-unknown")     // nil
    /// ```
    public static func encoding(named label: String) -> String.Encoding? {
        switch decoder(for: normalize(label)) {
        case .unlabelled: .ascii
        case .utf8: .utf8
        case .windows1252: .windowsCP1252
        case .eucJP: .japaneseEUC
        case .foundation(let encoding, _): encoding
        case nil: nil
        }
    }

    /// Decodes `bytes` in the charset named `label` (nil: unlabelled), never failing; the
    /// text comes without unsendable control characters (`withoutUnsendableCharacters`).
    public static func decode(_ bytes: [UInt8], charset label: String?) -> String {
        decodeKeepingControls(bytes, charset: label).withoutUnsendableCharacters
    }

    private static func decodeKeepingControls(_ bytes: [UInt8], charset label: String?) -> String {
        guard !bytes.isEmpty else { return "" }
        guard let label else { return decodeUnlabelled(bytes) }
        switch decoder(for: normalize(label)) {
        case .unlabelled: return decodeUnlabelled(bytes)
        case .utf8: return decodeUTF8(bytes)
        case .windows1252: return decodeWindows1252(bytes)
        case .eucJP: return decodeKeepingControls(EUCJapanese.transcodedToISO2022JP2(bytes), charset: "iso-2022-jp-2")
        case .foundation(let encoding, let asciiCompatible):
            if asciiCompatible, bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            if let text = String(bytes: bytes, encoding: encoding) { return text }
            return asciiCompatible ? decodeByLine(bytes, encoding) : String(decoding: bytes, as: UTF8.self)
        case nil: return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Bytes with no charset label, such as 8-bit bytes in a header: UTF-8 when valid, else
    /// windows-1252 (Latin-1 with the C1 range read as Windows punctuation).
    static func decodeUnlabelled(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return decodeWindows1252(bytes)
    }

    /// UTF-8, dropping a byte order mark and replacing invalid sequences with U+FFFD.
    private static func decodeUTF8(_ bytes: [UInt8]) -> String {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        return String(decoding: hasBOM ? bytes[3...] : bytes[...], as: UTF8.self)
    }

    /// windows-1252, with its five undefined bytes read as the Latin-1 C1 controls, so every
    /// byte decodes.
    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252C1[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// windows-1252 bytes 0x80 to 0x9F (Unicode's CP1252.TXT); undefined bytes keep their Latin-1 value.
    private static let windows1252C1: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func decodeByLine(_ bytes: [UInt8], _ encoding: String.Encoding) -> String {
        var text = ""
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            let line = bytes[start..<end]
            text += String(bytes: line, encoding: encoding) ?? String(decoding: line, as: UTF8.self)
            start = end
        }
        return text
    }

    private enum Decoder {
        case unlabelled, utf8, windows1252
        /// Not every Foundation can read EUC-JP; it is rewritten as ISO-2022-JP-2, which can.
        case eucJP
        /// A Foundation encoding, and whether pure ASCII bytes mean the same ASCII text in it.
        case foundation(String.Encoding, asciiCompatible: Bool)
    }

    /// Lower case, without quotes, spaces or an RFC 2231 section 5 language suffix (`utf-8*en`).
    private static func normalize(_ label: String) -> String {
        var name = label.lowercasedForMatching().trimmingQuotes()
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        return name
    }

    /// A CoreFoundation string encoding number as a Foundation encoding; the mapping
    /// (high bit set) is the one `CFStringConvertEncodingToNSStringEncoding` uses.
    private static func coreFoundation(_ value: UInt) -> String.Encoding {
        String.Encoding(rawValue: 0x8000_0000 | value)
    }

    private static func decoder(for name: String) -> Decoder? {
        if let known = singleNames[name] { return known }
        if name.hasPrefix("iso"), let range = name.range(of: "8859") {
            let part = name[range.upperBound...].drop { $0 == "-" || $0 == "_" }.prefix { $0.isNumber }
            guard let number = Int(part) else { return nil }
            if number == 1 { return .windows1252 }
            return isoLatinParts[number].map { .foundation($0, asciiCompatible: true) }
        }
        if name.hasPrefix("windows-") || name.hasPrefix("cp125") || name.hasPrefix("x-cp125") {
            let digits = name.filter(\.isNumber)
            if digits == "1252" { return .windows1252 }
            if let code = Int(digits), let encoding = windowsCodePages[code] {
                return .foundation(encoding, asciiCompatible: true)
            }
        }
        return nil
    }

    private static let isoLatinParts: [Int: String.Encoding] = [
        2: .isoLatin2, 3: coreFoundation(0x0203), 4: coreFoundation(0x0204), 5: coreFoundation(0x0205),
        6: coreFoundation(0x0206), 7: coreFoundation(0x0207), 8: coreFoundation(0x0208), 9: coreFoundation(0x0209),
        10: coreFoundation(0x020A), 11: coreFoundation(0x020B), 13: coreFoundation(0x020D),
        14: coreFoundation(0x020E), 15: coreFoundation(0x020F), 16: coreFoundation(0x0210),
    ]

    private static let windowsCodePages: [Int: String.Encoding] = [
        1250: .windowsCP1250, 1251: .windowsCP1251, 1253: .windowsCP1253, 1254: .windowsCP1254,
        1255: coreFoundation(0x0505), 1256: coreFoundation(0x0506), 1257: coreFoundation(0x0507),
        1258: coreFoundation(0x0508),
    ]

    private static let singleNames: [String: Decoder] = {
        var table: [String: Decoder] = [:]
        func add(_ decoder: Decoder, _ names: String...) { for name in names { table[name] = decoder } }
        func add(_ encoding: String.Encoding, ascii: Bool = true, _ names: String...) {
            for name in names { table[name] = .foundation(encoding, asciiCompatible: ascii) }
        }
        add(
            .unlabelled, "", "us-ascii", "ascii", "us", "ansi_x3.4-1968", "iso646-us", "csascii", "default",
            "unknown-8bit", "x-unknown")
        add(.utf8, "utf-8", "utf8", "x-utf8", "unicode-1-1-utf-8")
        add(
            .windows1252, "latin1", "l1", "cp819", "ibm819", "csisolatin1", "iso-ir-100", "windows-1252", "cp1252",
            "x-cp1252", "ansi")
        add(coreFoundation(0x020F), "latin-9", "latin9", "l9", "iso-8859-15", "csisolatin9")
        add(.isoLatin2, "latin2", "l2")
        add(coreFoundation(0x0A02), "koi8-r", "koi8r", "koi8", "cskoi8r")
        add(coreFoundation(0x0A08), "koi8-u", "koi8u")
        add(coreFoundation(0x041B), "ibm866", "cp866", "866")
        add(.shiftJIS, "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "cp932")
        // ISO-2022-JP-2 is a superset, so text that strays into JIS X 0212 still decodes.
        add(coreFoundation(0x0821), ascii: false, "iso-2022-jp", "csiso2022jp", "iso-2022-jp-2")
        add(.eucJP, "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese")
        add(
            coreFoundation(0x0632), "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "x-euc-cn", "csgb2312",
            "chinese", "gb_2312-80", "windows-936")
        add(coreFoundation(0x0A05), ascii: false, "hz-gb-2312")
        add(coreFoundation(0x0A03), "big5", "cn-big5", "x-x-big5", "csbig5", "big-5")
        add(coreFoundation(0x0A06), "big5-hkscs")
        add(
            coreFoundation(0x0422), "euc-kr", "ks_c_5601-1987", "ks_c_5601", "cp949", "korean", "csksc56011987",
            "windows-949", "cseuckr")
        add(coreFoundation(0x0840), ascii: false, "iso-2022-kr")
        add(coreFoundation(0x041D), "tis-620", "windows-874", "cp874", "iso-8859-11")
        add(coreFoundation(0x0400_0100), ascii: false, "utf-7", "utf7", "unicode-1-1-utf-7")
        add(.utf16, ascii: false, "utf-16", "utf16", "ucs-2")
        add(.utf16LittleEndian, ascii: false, "utf-16le")
        add(.utf16BigEndian, ascii: false, "utf-16be")
        add(.utf32, ascii: false, "utf-32", "utf32")
        add(.utf32LittleEndian, ascii: false, "utf-32le")
        add(.utf32BigEndian, ascii: false, "utf-32be")
        add(.macOSRoman, "macintosh", "mac", "x-mac-roman", "csmacintosh")
        return table
    }()
}
