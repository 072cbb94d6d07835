import Foundation

/// One LMTP command line (RFC 2033, with RFC 5321's MAIL and RCPT) read into its verb and
/// argument. A value it carries never holds a control character, since each may go into a
/// reply or a header line (Return-Path, Received); an argument that is malformed or would
/// carry one is nil, and the session answers 501.
enum LMTPCommand: Equatable, Sendable {
    /// `LHLO client.example`: the client's name, its first word at most 255 characters.
    case lhlo(clientName: String?)
    /// `MAIL FROM:<address> SIZE=n`; the null sender `<>` is the empty address.
    case mail(sender: String?, size: Int?)
    /// `RCPT TO:<address>`, never empty.
    case rcpt(recipient: String?)
    case data, rset, noop, vrfy, quit
    /// `HELO` or `EHLO`, which LMTP does not take.
    case smtpHello
    case unknown

    init(line: ArraySlice<UInt8>) {
        let text = String(decoding: line, as: UTF8.self)
        let verb = text.prefix { $0 != " " }.uppercased()
        let argument = text.dropFirst(verb.count).trimmingCharacters(in: .whitespaces)
        switch verb {
        case "LHLO":
            let name = String(argument.prefix { !$0.isWhitespace }.prefix(255))
            self = .lhlo(clientName: name.isEmpty || Self.hasControlCharacter(argument) ? nil : name)
        case "MAIL":
            let path = Self.path(after: "FROM:", in: argument)
            let size = path?.parameters.first { $0.uppercased().hasPrefix("SIZE=") }.flatMap { Int($0.dropFirst(5)) }
            self = .mail(sender: path?.address, size: size)
        case "RCPT":
            let address = Self.path(after: "TO:", in: argument)?.address
            self = .rcpt(recipient: address?.isEmpty == false ? address : nil)
        case "DATA": self = .data
        case "RSET": self = .rset
        case "NOOP": self = .noop
        case "VRFY": self = .vrfy
        case "QUIT": self = .quit
        case "HELO", "EHLO": self = .smtpHello
        default: self = .unknown
        }
    }

    private static func hasControlCharacter(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// `FROM:<address> SIZE=123` read as the address and its parameters; nil without the angle
    /// brackets or with a control character in the address.
    private static func path(after keyword: String, in argument: String) -> (address: String, parameters: [String])? {
        guard argument.uppercased().hasPrefix(keyword) else { return nil }
        let rest = argument.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)
        guard rest.hasPrefix("<"), let close = rest.firstIndex(of: ">") else { return nil }
        let address = String(rest[rest.index(after: rest.startIndex)..<close])
        guard !hasControlCharacter(address) else { return nil }
        let parameters = rest[rest.index(after: close)...].split(separator: " ").map(String.init)
        return (address, parameters)
    }
}
