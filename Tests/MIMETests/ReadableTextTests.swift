import MIME
import Testing

/// What every decoded text loses: C0 controls but tab and line ends, and U+FFFE, U+FFFF.
struct ReadableTextTests {
    @Test(arguments: [
        ("a\u{0}b\u{1B}c\u{7}", "abc"), ("x\u{FFFE}y\u{FFFF}z", "xyz"), ("tab\tline\nend\r\n", "tab\tline\nend\r\n"),
        ("\u{FFFD}\u{FFFC}\u{EFBF}é€", "\u{FFFD}\u{FFFC}\u{EFBF}é€"), ("", ""),
    ])
    func unsendableCharactersAreRemovedAndNothingElse(_ text: String, _ expected: String) {
        #expect(text.withoutUnsendableCharacters == expected)
    }
}
