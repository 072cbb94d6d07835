import MIME
import Testing

struct AddressListTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let field: String
        let mailboxes: [MailAddress]
        var testDescription: String { field }
    }

    static let cases: [Case] = [
        Case(field: "alice@example.com", mailboxes: [mailbox(nil, "alice@example.com")]),
        Case(field: "Alice Example <alice@example.com>", mailboxes: [mailbox("Alice Example", "alice@example.com")]),
        Case(
            field: "\"Example, Alice\" <alice@example.com>", mailboxes: [mailbox("Example, Alice", "alice@example.com")]
        ),
        Case(field: "<alice@example.com>", mailboxes: [mailbox(nil, "alice@example.com")]),
        Case(field: "John Q. Public <jqp@example.com>", mailboxes: [mailbox("John Q. Public", "jqp@example.com")]),
        Case(
            field: "a@example.com, b@example.com,, c@example.com",
            mailboxes: [mailbox(nil, "a@example.com"), mailbox(nil, "b@example.com"), mailbox(nil, "c@example.com")]),
        Case(field: "=?UTF-8?Q?J=C3=B6rg?= <joerg@example.de>", mailboxes: [mailbox("Jörg", "joerg@example.de")]),
        Case(
            field: "=?UTF-8?B?5bGx55Sw?= =?UTF-8?B?5aSq6YOO?= <taro@example.jp>",
            mailboxes: [mailbox("山田太郎", "taro@example.jp")]),
        Case(field: "\"=?ISO-8859-1?Q?Fran=E7ois?=\" <f@example.fr>", mailboxes: [mailbox("François", "f@example.fr")]),
        Case(field: "Zoë <zoe@example.com>", mailboxes: [mailbox("Zoë", "zoe@example.com")]),
        // Decomposed é (e + U+0301), tabs, folded lines and Unicode spaces between words.
        Case(
            field: "Rene\u{301}e\tDupont <rd@example.com>",
            mailboxes: [mailbox("Rene\u{301}e Dupont", "rd@example.com")]),
        Case(
            field: "Ana\r\n Lima\u{3000}Souza <al@example.com>",
            mailboxes: [mailbox("Ana Lima Souza", "al@example.com")]),
        Case(field: "\"Q\\\"uote\u{301}\" <q@example.com>", mailboxes: [mailbox("Q\"uote\u{301}", "q@example.com")]),
        Case(field: "bob@example.com (Bob Smith)", mailboxes: [mailbox("Bob Smith", "bob@example.com")]),
        Case(field: "Bob (work) <bob@example.com> (ignored)", mailboxes: [mailbox("Bob", "bob@example.com")]),
        Case(
            field: "<@relay1.example,@relay2.example:user@example.com>", mailboxes: [mailbox(nil, "user@example.com")]),
        Case(field: "\"john doe\"@example.com", mailboxes: [mailbox(nil, "\"john doe\"@example.com")]),
        Case(field: "user@[192.0.2.1]", mailboxes: [mailbox(nil, "user@[192.0.2.1]")]),
        Case(field: "undisclosed-recipients:;", mailboxes: []),
        Case(
            field: "Team: a@example.com, \"B\" <b@example.com>; c@example.com",
            mailboxes: [
                mailbox(nil, "a@example.com", group: "Team"), mailbox("B", "b@example.com", group: "Team"),
                mailbox(nil, "c@example.com"),
            ]),
        Case(
            field: "Doe, John <jd@example.com>, Jane <jane@example.com>",
            mailboxes: [mailbox("Doe, John", "jd@example.com"), mailbox("Jane", "jane@example.com")]),
        Case(field: "'Single Quoted' <sq@example.com>", mailboxes: [mailbox("Single Quoted", "sq@example.com")]),
        Case(field: "Unclosed <open@example.com", mailboxes: [mailbox("Unclosed", "open@example.com")]),
        Case(field: "\"Unclosed quote <q@example.com>", mailboxes: []),
        Case(field: "Just A Name", mailboxes: []),
        Case(field: "postmaster", mailboxes: [mailbox(nil, "postmaster")]),
        Case(field: "Name <>", mailboxes: []),
        Case(field: "", mailboxes: []),
    ]

    @Test(arguments: cases)
    func addressFieldsParseToMailboxes(_ example: Case) {
        #expect(AddressList.parse(example.field) == example.mailboxes)
    }

    @Test func descriptionQuotesTheName() {
        #expect(mailbox("Doe, \"JD\"", "jd@example.com").description == "\"Doe, \\\"JD\\\"\" <jd@example.com>")
        #expect(mailbox(nil, "jd@example.com").description == "jd@example.com")
    }
}
