import Foundation
import MIME
import Testing

struct Base64TransferTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let encoded: String
        let decoded: String
        var testDescription: String { encoded.debugDescription }
    }

    static let cases: [Case] = [
        Case(encoded: "SGVsbG8sIFRlcm4h", decoded: "Hello, Tern!"),
        Case(encoded: "SGVs\r\nbG8s\r\nIFRl\r\ncm4h\r\n", decoded: "Hello, Tern!"),
        Case(encoded: "SGVsbG8", decoded: "Hello"),
        Case(encoded: "SGVsbG8=", decoded: "Hello"),
        Case(encoded: "SGk=SGk=", decoded: "HiHi"),
        Case(encoded: "S G V s b G 8 =", decoded: "Hello"),
        Case(encoded: "SGVs*bG8!", decoded: "Hello"),
        Case(encoded: "S", decoded: ""),
        Case(encoded: "", decoded: ""),
    ]

    @Test(arguments: cases)
    func base64IgnoresLineBreaksAndJunkAndForgivesPadding(_ example: Case) {
        let bytes = Array(example.encoded.utf8)
        #expect(Base64Transfer.decode(bytes) == Array(example.decoded.utf8))
        #expect(Base64Transfer.decodedCount(bytes) == example.decoded.utf8.count)
    }

    @Test func everyByteValueSurvivesARoundTripThroughFoundationsEncoder() {
        let bytes = (0...255).map { UInt8($0) } + (0...255).reversed().map { UInt8($0) }
        let encoded = [UInt8](Data(bytes).base64EncodedString(options: .lineLength76Characters).utf8)
        #expect(Base64Transfer.decode(encoded) == bytes)
    }
}
