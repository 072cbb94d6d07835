import MIME
import Testing

struct TransferEncodingTests {
    @Test(arguments: [
        ("base64", TransferEncoding.base64), (" BASE64 ", .base64), ("Quoted-Printable", .quotedPrintable),
        ("7bit", .sevenBit), ("8BIT (comment)", .eightBit), ("\"binary\"", .binary),
    ])
    func headerValuesAreReadIgnoringCaseQuotesAndComments(_ value: String, _ expected: TransferEncoding) {
        #expect(TransferEncoding(headerValue: value) == expected)
    }

    @Test func unknownEncodingsPassTheBodyThroughAsEightBit() {
        let encoding = TransferEncoding(headerValue: "x-uuencode")
        #expect(encoding.rawValue == "x-uuencode")
        #expect(encoding.isIdentity)
        let body = Array("begin 644 file\n".utf8)[...]
        #expect(encoding.decode(body) == Array(body))
        #expect(encoding.decodedCount(body) == body.count)
    }
}
