import Foundation
import MIME
import Testing

struct MessageDateTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let date: Date?
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Tue, 5 Mar 2024 14:03:00 +0100", date: utc(2024, 3, 5, 13, 3)),
        Case(text: "Tue, 05 Mar 2024 14:03:00 -0530", date: utc(2024, 3, 5, 19, 33)),
        Case(text: "5 Mar 2024 14:03 +0000", date: utc(2024, 3, 5, 14, 3)),
        Case(text: "Tue, 5 Mar 2024 14:03:00 GMT", date: utc(2024, 3, 5, 14, 3)),
        Case(text: "Tue, 5 Mar 2024 09:03:00 EST", date: utc(2024, 3, 5, 14, 3)),
        Case(text: "Tue, 5 Mar 2024 07:03:00 PDT", date: utc(2024, 3, 5, 14, 3)),
        Case(text: "Tue, 5 Mar 2024 14:03:00 +0100 (CET)", date: utc(2024, 3, 5, 13, 3)),
        Case(text: "Tue, 5 Mar 2024 14:03:00 Z", date: utc(2024, 3, 5, 14, 3)),
        Case(text: "Tue, 5 Mar 2024 14:03:00 J", date: utc(2024, 3, 5, 14, 3)),
        Case(text: "Tue, 5 Mar 2024 14:03:00", date: utc(2024, 3, 5, 14, 3)),
        Case(text: "5 Mar 24 14:03 EST", date: utc(2024, 3, 5, 19, 3)),
        Case(text: "5 Mar 99 14:03 +0000", date: utc(1999, 3, 5, 14, 3)),
        Case(text: "5 Mar 124 14:03 +0000", date: utc(2024, 3, 5, 14, 3)),
        Case(text: "Tue Mar  5 14:03:00 2024", date: utc(2024, 3, 5, 14, 3)),
        Case(text: "Tuesday, 5 March 2024 14:03:00 +0000", date: utc(2024, 3, 5, 14, 3)),
        Case(text: "29 Feb 2024 12:00:00 +0000", date: utc(2024, 2, 29, 12, 0)),
        Case(text: "31 Dec 1969 23:59:59 +0000", date: utc(1969, 12, 31, 23, 59, 59)),
        Case(text: "30 Jun 2016 23:59:60 +0000", date: utc(2016, 6, 30, 23, 59, 59)),
        Case(text: "29 Feb 2023 12:00:00 +0000", date: nil),
        Case(text: "31 Apr 2024 12:00:00 +0000", date: nil),
        Case(text: "5 Mar 2024 25:00:00 +0000", date: nil),
        Case(text: "5 Mar 2024 14:03:00 +0175", date: nil),
        Case(text: "5 Foo 2024 14:03:00 +0000", date: nil),
        Case(text: "yesterday", date: nil),
        Case(text: "", date: nil),
    ]

    @Test(arguments: cases)
    func datesAreReadInTheRFC5322AndObsoleteForms(_ example: Case) {
        #expect(MessageDate.parse(example.text) == example.date)
    }
}
