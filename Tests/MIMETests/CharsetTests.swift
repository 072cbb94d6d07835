import Foundation
import MIME
import Testing

struct CharsetTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let charset: String?
        let bytes: [UInt8]
        let text: String
        var testDescription: String { charset ?? "unlabelled" }
    }

    static let cases: [Case] = [
        Case(charset: "ISO-8859-1", bytes: [0x63, 0x61, 0x66, 0xE9], text: "café"),
        Case(charset: "latin1", bytes: [0xE0, 0x93, 0x94], text: "à“”"),
        Case(charset: "ISO-8859-15", bytes: [0xA4, 0x35], text: "€5"),
        Case(charset: "windows-1252", bytes: [0x80, 0x96, 0x99, 0x81], text: "€–™\u{81}"),
        Case(charset: "cp1252", bytes: [0x93, 0x41, 0x94], text: "“A”"),
        Case(charset: "iso-8859-2", bytes: [0xA3, 0xF3, 0x64, 0xBC], text: "Łódź"),
        Case(charset: "windows-1251", bytes: [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], text: "Привет"),
        Case(charset: "KOI8-R", bytes: [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], text: "Привет"),
        Case(charset: "koi8-u", bytes: [0xA4], text: "є"),
        Case(charset: "Shift_JIS", bytes: [0x82, 0xB1, 0x82, 0xF1, 0x82, 0xC9, 0x82, 0xBF, 0x82, 0xCD], text: "こんにちは"),
        Case(charset: "ISO-2022-JP", bytes: [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x1B, 0x28, 0x42], text: "こん"),
        Case(
            charset: "EUC-JP", bytes: [0xA4, 0xB3, 0xA4, 0xF3, 0x0A, 0x8E, 0xB1, 0x8F, 0xA2, 0xAF, 0x41],
            text: "こん\nｱ˘A"),
        Case(charset: "EUC-JP", bytes: [0xA4, 0xB3, 0xFF, 0x41], text: "こ?A"),
        Case(charset: "GB2312", bytes: [0xC4, 0xE3, 0xBA, 0xC3], text: "你好"),
        Case(charset: "GBK", bytes: [0xC4, 0xE3, 0xBA, 0xC3], text: "你好"),
        Case(charset: "gb18030", bytes: [0xC4, 0xE3, 0xBA, 0xC3], text: "你好"),
        Case(charset: "Big5", bytes: [0xA7, 0x41, 0xA6, 0x6E], text: "你好"),
        Case(charset: "EUC-KR", bytes: [0xC7, 0xD1, 0xB1, 0xDB], text: "한글"),
        Case(charset: "ks_c_5601-1987", bytes: [0xC7, 0xD1, 0xB1, 0xDB], text: "한글"),
        Case(charset: "UTF-7", bytes: Array("Hi +AOk-".utf8), text: "Hi é"),
        Case(charset: "utf-16le", bytes: [0x48, 0x00, 0x69, 0x00], text: "Hi"),
        Case(charset: "\"UTF-8\"", bytes: Array("Grüße".utf8), text: "Grüße"),
        Case(charset: "utf-8", bytes: [0xEF, 0xBB, 0xBF, 0x41], text: "A"),
        Case(charset: "utf-8", bytes: [0x41, 0xE9, 0x42], text: "A\u{FFFD}B"),
        Case(charset: "us-ascii", bytes: Array("naïve".utf8), text: "naïve"),
        Case(charset: "us-ascii", bytes: [0x6E, 0x61, 0xEF, 0x76, 0x65], text: "naïve"),
        Case(charset: nil, bytes: [0x93, 0x68, 0x69, 0x94], text: "“hi”"),
        Case(charset: "x-no-such-charset", bytes: Array("Grüße".utf8), text: "Grüße"),
        Case(charset: "x-no-such-charset", bytes: [0x41, 0xFF], text: "A\u{FFFD}"),
        Case(charset: "", bytes: Array("plain".utf8), text: "plain"),
    ]

    @Test(arguments: cases)
    func charsetsDecodeThroughFoundationAndFallBackWithoutFailing(_ example: Case) {
        #expect(Charset.decode(example.bytes, charset: example.charset) == example.text)
    }

    @Test func aBadLineInAKnownCharsetOnlyLosesThatLine() {
        let good: [UInt8] = [0x82, 0xB1, 0x82, 0xF1, 0x0A]
        let text = Charset.decode(good + [0x41, 0x81, 0x0A] + good, charset: "shift_jis")
        #expect(text.hasPrefix("こん\n"))
        #expect(text.hasSuffix("\nこん\n"))
    }

    @Test func windows1252TableMatchesFoundationForEveryDefinedByte() {
        for byte in UInt8(0x80)...UInt8(0xFF) {
            guard let foundation = String(bytes: [byte], encoding: .windowsCP1252) else { continue }
            #expect(Charset.decode([byte], charset: "windows-1252") == foundation, "byte \(byte)")
        }
    }

    @Test func labelsMapToFoundationEncodings() {
        #expect(Charset.encoding(named: "ISO-8859-2") == .isoLatin2)
        #expect(Charset.encoding(named: "SJIS") == .shiftJIS)
        #expect(Charset.encoding(named: "iso-8859-15") == Charset.encoding(named: "Latin-9"))
        #expect(Charset.encoding(named: "ISO_8859-5:1988") != nil)
        #expect(Charset.encoding(named: "utf8") == .utf8)
        #expect(Charset.encoding(named: "x-klingon") == nil)
    }
}
