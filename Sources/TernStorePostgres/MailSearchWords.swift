import Foundation
import TernStore

/// Mail text as the PostgreSQL search index keeps it, and a search as the index is asked.
///
/// Rather than a text search configuration and the `unaccent` extension, which a database
/// may lack and whose parser reads addresses and paths as single tokens, the words are made
/// here, as SQLite's `unicode61 remove_diacritics 2` tokenizer makes them: runs of letters
/// and digits, case and accents folded ("Zürich" is `zurich`), stored as the lexemes of a
/// `tsvector` (`array_to_tsvector`, which parses nothing). A search word is cut and folded the
/// same way and becomes prefix terms (`'zur':*`) of a `tsquery` built here from letters and
/// digits only, so nothing a user types is ever read as query syntax.
enum MailSearchWords {
    /// The longest word kept, in UTF-8 bytes; PostgreSQL refuses lexemes past 2 KB, and a
    /// search for a longer word still finds it by its first bytes.
    static let maxWordBytes = 255

    /// The distinct folded words of `texts`, in order of first appearance.
    static func lexemes(of texts: [String]) -> [String] {
        var seen: Set<String> = []
        var lexemes: [String] = []
        for text in texts {
            for word in words(in: text) where seen.insert(word).inserted { lexemes.append(word) }
        }
        return lexemes
    }

    /// The `tsquery` text that matches mail holding every one of `searchWords` as a word
    /// prefix; nil when they hold no letter or digit (no condition on the words).
    static func query(_ searchWords: [String]) -> String? {
        let terms = searchWords.flatMap(words(in:)).map { "'\($0)':*" }
        return terms.isEmpty ? nil : terms.joined(separator: " & ")
    }

    /// Folded runs of letters and digits, each at most `maxWordBytes` long.
    static func words(in text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(in: text) }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return MailSearchQuery.words(in: folded).map(bounded)
    }

    /// The same for text of ASCII only, which most mail is, a byte at a time: its letters
    /// and digits are `A-Z`, `a-z` and `0-9`, and folding only lowers the case. (Folding and
    /// splitting by `Character` cost a delivery more than its database work.)
    private static func asciiWords(in text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        func endWord() {
            guard !word.isEmpty else { return }
            words.append(String(decoding: word.prefix(maxWordBytes), as: UTF8.self))
            word.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
            default: endWord()
            }
        }
        endWord()
        return words
    }

    private static func bounded(_ word: String) -> String {
        guard word.utf8.count > maxWordBytes else { return word }
        var kept = ""
        for character in word {
            guard kept.utf8.count + character.utf8.count <= maxWordBytes else { break }
            kept.append(character)
        }
        return kept
    }
}
