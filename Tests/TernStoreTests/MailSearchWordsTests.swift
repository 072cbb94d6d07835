import Foundation
import TernStore
import Testing

@testable import TernStorePostgres

@Suite struct MailSearchWordsTests {
    /// The words as the general path makes them: folded, split by `Character`, bounded.
    private func foldedWords(_ text: String) -> [String] {
        MailSearchQuery.words(in: text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
            .map { String($0.prefix(MailSearchWords.maxWordBytes)) }
    }

    @Test func asciiTextIsCutAsTheFoldingPathCutsIt() {
        let texts = [
            "Re: Quarterly REPORT (Q3) — ", "anna@tern.example, <bob.smith@example.org>", "",
            "tabs\tand\r\nline ends, under_scores; dots.and-dashes/slashes", "\u{1}control\u{7F}bytes\u{0}",
            "x" + String(repeating: "Ab9", count: 200) + " tail", "1234 5678 O'Brien 3.14",
        ]
        for text in texts { #expect(MailSearchWords.words(in: text) == foldedWords(text), "\(text)") }
        #expect(MailSearchWords.words(in: "Hello, WORLD 42") == ["hello", "world", "42"])
    }

    @Test func textBeyondASCIIIsFoldedByUnicode() {
        #expect(MailSearchWords.words(in: "Grüße aus Zürich, ÉCOLE") == ["grusse", "aus", "zurich", "ecole"])
    }
}
