import MIME
import Testing

struct EncodedWordTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: String
        var testDescription: String { input }
    }

    static let cases: [Case] = [
        Case(input: "=?UTF-8?B?R3LDvMOfZQ==?=", expected: "Grüße"),
        Case(input: "=?iso-8859-1?q?caf=E9_cr=E8me?=", expected: "café crème"),
        Case(input: "=?UTF-8?Q?a?= =?UTF-8?Q?b?=", expected: "ab"),
        Case(input: "=?UTF-8?Q?a?=\r\n =?UTF-8?Q?b?=", expected: "ab"),
        Case(input: "=?UTF-8?Q?a?= b =?UTF-8?Q?c?=", expected: "a b c"),
        Case(input: "Re: =?UTF-8?Q?Caf=C3=A9?= ist offen", expected: "Re: Café ist offen"),
        Case(input: "=?UTF-8?B?5pel5pys6A==?= =?UTF-8?B?qp4=?=", expected: "日本語"),
        Case(input: "=?utf-8*en?Q?English?=", expected: "English"),
        Case(input: "prefix=?UTF-8?Q?glued?=suffix", expected: "prefixgluedsuffix"),
        Case(input: "=?UTF-8?B?R3LDvMOfZQ?=", expected: "Grüße"),
        Case(input: "=?UTF-8?Q??=", expected: ""),
        Case(input: "=?KOI8-R?B?8NLJ18XU?=", expected: "Привет"),
        Case(input: "=?x-unknown?Q?plain?=", expected: "plain"),
        Case(input: "=?UTF-8?X?unknown_encoding?=", expected: "=?UTF-8?X?unknown_encoding?="),
        Case(input: "=?UTF-8?B?not*base64?=", expected: "=?UTF-8?B?not*base64?="),
        Case(input: "=?UTF-8?Q?no end", expected: "=?UTF-8?Q?no end"),
        Case(input: "=?UTF-8?Q?has space?=", expected: "=?UTF-8?Q?has space?="),
        Case(input: "=??Q?no_charset?=", expected: "=??Q?no_charset?="),
        Case(input: "a =? b ?= c", expected: "a =? b ?= c"),
        Case(input: "=?UTF-8?Q?bad=ZZhex?=", expected: "bad=ZZhex"),
    ]

    @Test(arguments: cases)
    func encodedWordsDecodeAndMalformedOnesStayAsWritten(_ example: Case) {
        #expect(EncodedWord.decode(example.input) == example.expected)
    }
}
