/// Parses address fields (From, To, Cc, Reply-To: RFC 5322 section 3.4) into mailboxes.
///
/// Understood: display names as atoms or quoted strings, with RFC 2047 encoded words (also
/// inside quotes, which is invalid but common); angle addresses with an obsolete route
/// (`<@relay:user@example.com>`, section 4.4); groups (`undisclosed-recipients:;`); comments
/// anywhere, and a trailing comment as the name of a bare address (`user@example.com (User)`).
/// Tolerated like a mail client: an unquoted comma in a display name (`Doe, John
/// <jd@example.com>`), single quotes around a name, an unclosed `<` or quote. Entries that
/// carry no address at all are dropped.
///
/// ```
/// To: "Doe, Jane" <jane@example.com>, =?UTF-8?Q?J=C3=B6rg?= <joerg@example.com>,
///  Team: a@example.com, b@example.com;
/// ```
public enum AddressList {
    /// The mailboxes in a field value, in order, groups flattened.
    public static func parse(_ value: String) -> [MailAddress] {
        var entries: [(tokens: [Token], group: String?)] = []
        var current: [Token] = []
        var group: String?
        var angleDepth = 0
        for token in tokenize(value) {
            switch token {
            case .special("<"):
                angleDepth += 1
                current.append(token)
            case .special(">"):
                angleDepth = max(0, angleDepth - 1)
                current.append(token)
            case .special(",") where angleDepth == 0:
                entries.append((current, group))
                current = []
            case .special(";") where angleDepth == 0:
                entries.append((current, group))
                current = []
                group = nil
            case .special(":") where angleDepth == 0 && group == nil && !current.contains(.special("@")):
                group = phrase(current) ?? ""
                current = []
            default:
                current.append(token)
            }
        }
        entries.append((current, group))
        return mailboxes(entries)
    }

    private static func mailboxes(_ entries: [(tokens: [Token], group: String?)]) -> [MailAddress] {
        var result: [MailAddress] = []
        var carriedName: String?
        for (position, entry) in entries.enumerated() {
            let tokens = entry.tokens
            let hasAngle = tokens.contains(.special("<"))
            let hasAt = tokens.contains(.special("@"))
            if !hasAngle && !hasAt {
                // "Doe, John <jd@example.com>": a name cut off by an unquoted comma.
                if position + 1 < entries.count, entries[position + 1].tokens.contains(.special("<")),
                    let name = phrase(tokens)
                {
                    carriedName = [carriedName, name].compactMap { $0 }.joined(separator: ", ")
                    continue
                }
                let words = tokens.filter(\.isContent)
                if words.count == 1, case .word(let local) = words[0] {
                    result.append(MailAddress(name: nil, address: local, group: entry.group))
                }
                carriedName = nil
                continue
            }
            var mailbox = hasAngle ? angleMailbox(tokens) : bareMailbox(tokens)
            if let carried = carriedName {
                mailbox.name = [carried, mailbox.name].compactMap { $0 }.joined(separator: ", ")
                carriedName = nil
            }
            guard !mailbox.address.isEmpty else { continue }
            mailbox.group = entry.group
            result.append(mailbox)
        }
        return result
    }

    /// `[phrase] "<" [route ":"] addr-spec ">"`.
    private static func angleMailbox(_ tokens: [Token]) -> MailAddress {
        guard let open = tokens.firstIndex(of: .special("<")) else { return bareMailbox(tokens) }
        let close = tokens[open...].firstIndex(of: .special(">")) ?? tokens.endIndex
        var inner = tokens[(open + 1)..<close]
        if let colon = inner.lastIndex(of: .special(":")) { inner = inner[(colon + 1)...] }
        return MailAddress(name: phrase(tokens[..<open]), address: addrSpec(inner))
    }

    /// `addr-spec [comment]`, the comment read as the name.
    private static func bareMailbox(_ tokens: [Token]) -> MailAddress {
        let comment = tokens.lazy.compactMap { token -> String? in
            if case .comment(let text) = token { return text }
            return nil
        }.first
        let name = comment.map { EncodedWord.decode($0).trimmingQuotes() }.flatMap { $0.isEmpty ? nil : $0 }
        return MailAddress(name: name, address: addrSpec(tokens[...]))
    }

    private static func addrSpec(_ tokens: ArraySlice<Token>) -> String {
        var text = ""
        for token in tokens {
            switch token {
            case .word(let word): text += word
            case .quoted(let quoted): text += "\"" + quoted + "\""
            case .special(let scalar): text.unicodeScalars.append(scalar)
            case .space, .comment: break
            }
        }
        return text.trimmingWhitespace()
    }

    /// A display name: words and quoted strings as written, comments and runs of whitespace read
    /// as one space, encoded words decoded.
    private static func phrase(_ tokens: some Collection<Token>) -> String? {
        var text = ""
        var pendingSpace = false
        for token in tokens {
            let piece: String
            switch token {
            case .word(let word): piece = word
            case .quoted(let quoted): piece = quoted
            case .special(let scalar) where scalar != "<" && scalar != ">": piece = String(Character(scalar))
            default:
                pendingSpace = true
                continue
            }
            if pendingSpace, !text.isEmpty { text += " " }
            pendingSpace = false
            text += piece
        }
        let name = EncodedWord.decode(text).trimmingQuotes()
        return name.isEmpty ? nil : name
    }

    enum Token: Equatable {
        case word(String)
        case quoted(String)
        case comment(String)
        case special(Unicode.Scalar)
        case space

        var isContent: Bool {
            switch self {
            case .word, .quoted: true
            default: false
            }
        }
    }

    /// Atoms (dots allowed, as in obs-phrase), quoted strings, comments, specials, whitespace.
    /// Read by Unicode scalar: every delimiter is ASCII, and grapheme breaking costs more than
    /// the rest of the parse.
    static func tokenize(_ value: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(value.unicodeScalars)
        var index = 0
        var word = String.UnicodeScalarView()
        func flushWord() {
            if !word.isEmpty { tokens.append(.word(String(word))) }
            word = String.UnicodeScalarView()
        }
        func flushSpace() {
            flushWord()
            if tokens.last != .space { tokens.append(.space) }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\"":
                flushWord()
                var text = String.UnicodeScalarView()
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    text.append(scalars[index])
                    index += 1
                }
                tokens.append(.quoted(String(text)))
            case "(":
                flushWord()
                var text = String.UnicodeScalarView()
                var depth = 1
                index += 1
                while index < scalars.count {
                    let inner = scalars[index]
                    if inner == "\\", index + 1 < scalars.count {
                        index += 1
                        text.append(scalars[index])
                    } else if inner == "(" {
                        depth += 1
                        text.append(inner)
                    } else if inner == ")" {
                        depth -= 1
                        if depth == 0 { break }
                        text.append(inner)
                    } else {
                        text.append(inner)
                    }
                    index += 1
                }
                tokens.append(.comment(String(text)))
            case "<", ">", ",", ";", ":", "@":
                flushWord()
                tokens.append(.special(scalar))
            case _ where scalar.isMIMEWhitespace:
                flushSpace()
            default:
                word.append(scalar)
            }
            index += 1
        }
        flushWord()
        return tokens
    }
}
