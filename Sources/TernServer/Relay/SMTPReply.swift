/// One SMTP reply (RFC 5321 4.2): a three-digit code and its lines of text.
struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    let code: Int
    /// The text after the code on each line.
    let lines: [String]

    /// 2yz: done.
    var isCompletion: Bool { (200..<300).contains(code) }
    /// 5yz: this will not work, whatever later.
    var isPermanent: Bool { (500..<600).contains(code) }

    /// The reply on one line, for logs, `tern queue list` and bounces: `550 5.1.1 no such user`.
    var description: String {
        ([String(code)] + lines.filter { !$0.isEmpty }).joined(separator: " ")
    }

    /// The enhanced status code (RFC 3463) at the start of `reason` (`550 5.1.1 …` or
    /// `4.4.7 …`), whose class agrees with the reply code when there is one.
    static func enhancedStatus(in reason: String) -> String? {
        let words = reason.split(separator: " ", maxSplits: 2)
        let code = words.first.flatMap { $0.wholeMatch(of: /[2-5][0-9][0-9]/) != nil ? $0 : nil }
        guard let candidate = code == nil ? words.first : words.dropFirst().first,
            candidate.wholeMatch(of: /[245]\.[0-9]{1,3}\.[0-9]{1,3}/) != nil,
            code.map({ $0.first == candidate.first }) ?? true
        else { return nil }
        return String(candidate)
    }
}

/// Reads replies from the lines a server sends: `250-first`, `250-more`, `250 last`.
struct SMTPReplyReader {
    /// The most lines one reply may have; EHLO lists one extension a line.
    static let maxLines = 64

    private var code: Int?
    private var lines: [String] = []

    /// Takes one line; returns the reply it completes, nil while more are to come.
    mutating func receive(_ line: String) throws(RelayError) -> SMTPReply? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)),
            (200..<600).contains(code),
            bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-")
        else { throw RelayError.protocolViolation("not a reply line: \(line.prefix(80))") }
        guard self.code == nil || self.code == code else {
            throw RelayError.protocolViolation("a reply's lines have codes \(self.code ?? 0) and \(code)")
        }
        self.code = code
        // The text goes to logs, `tern queue list` and bounces: no control characters.
        let text = bytes.count > 4 ? bytes[4...].map { $0 < 0x20 || $0 == 0x7F ? UInt8(ascii: " ") : $0 } : []
        lines.append(String(decoding: text, as: UTF8.self))
        guard lines.count <= Self.maxLines else {
            throw RelayError.protocolViolation("a reply of over \(Self.maxLines) lines")
        }
        guard bytes.count == 3 || bytes[3] == UInt8(ascii: " ") else { return nil }
        defer { self = SMTPReplyReader() }
        return SMTPReply(code: code, lines: lines)
    }
}

/// Why talking to the relay failed before it answered for each recipient; the message is tried again.
enum RelayError: Error, CustomStringConvertible {
    case unreachable(String)
    case protocolViolation(String)
    case refused(String)

    var description: String {
        switch self {
        case .unreachable(let reason): "relay unreachable: \(reason)"
        case .protocolViolation(let reason): "relay broke the protocol: \(reason)"
        case .refused(let reason): reason
        }
    }
}
