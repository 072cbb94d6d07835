import MIME
import Testing

struct QuotedPrintableTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let encoded: String
        let decoded: [UInt8]
        var testDescription: String { encoded.debugDescription }
    }

    static let cases: [Case] = [
        Case(encoded: "Caf=E9", decoded: Array("Caf".utf8) + [0xE9]),
        Case(encoded: "caf=c3=a9", decoded: Array("café".utf8)),
        Case(encoded: "soft=\r\nbreak", decoded: Array("softbreak".utf8)),
        Case(encoded: "soft=\nbreak", decoded: Array("softbreak".utf8)),
        Case(encoded: "soft=  \r\nbreak", decoded: Array("softbreak".utf8)),
        Case(encoded: "hard\r\nbreak", decoded: Array("hard\r\nbreak".utf8)),
        Case(encoded: "bare\nLF", decoded: Array("bare\nLF".utf8)),
        Case(encoded: "trailing   \r\nspace", decoded: Array("trailing\r\nspace".utf8)),
        Case(encoded: "kept=20\r\n", decoded: Array("kept \r\n".utf8)),
        Case(encoded: "a=3Db", decoded: Array("a=b".utf8)),
        Case(encoded: "stray = sign", decoded: Array("stray = sign".utf8)),
        Case(encoded: "bad=G1hex", decoded: Array("bad=G1hex".utf8)),
        Case(encoded: "ends with =", decoded: Array("ends with ".utf8)),
        Case(encoded: "half=A", decoded: Array("half=A".utf8)),
        Case(encoded: "", decoded: []),
    ]

    @Test(arguments: cases)
    func quotedPrintableDecodesTolerantly(_ example: Case) {
        let decoded = QuotedPrintable.decode(Array(example.encoded.utf8))
        #expect(decoded == example.decoded)
        #expect(QuotedPrintable.decodedCount(Array(example.encoded.utf8)[...]) == example.decoded.count)
    }
}
