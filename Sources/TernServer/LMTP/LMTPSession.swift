import Foundation
import MIME
import TernStore

/// One LMTP conversation (RFC 2033), a line at a time: LHLO, MAIL, RCPT, DATA, RSET, NOOP,
/// QUIT. Each RCPT is checked against the users at once (550 for an unknown one), and after
/// DATA each accepted recipient gets its own reply: 250 once the message is committed to
/// their Inbox, 552 over the size limit, 452 when the store failed (the MTA tries again).
/// Replies carry enhanced status codes (RFC 3463). Each delivered copy begins with the
/// Return-Path and Received fields final delivery adds (RFC 5321 4.4).
struct LMTPSession {
    let delivery: MailDelivery
    let hostName: String
    /// The most recipients of one message (RFC 5321 4.5.3.1.8 asks for at least 100).
    static let maxRecipients = 1_000

    /// The server has said 221 (QUIT): close the connection.
    private(set) var isClosed = false
    /// The client's name from LHLO; nil before it.
    private var clientName: String?
    private var sender: String?
    private var recipients: [String] = []
    /// The message so far, while DATA is being read.
    private var message: [UInt8]?
    private var messageTooLarge = false

    init(delivery: MailDelivery, hostName: String) {
        self.delivery = delivery
        self.hostName = hostName
    }

    /// The first reply, sent before the client speaks.
    var greeting: String { "220 \(hostName) Tern LMTP ready" }

    /// Whether the session is reading a message's lines, which may be longer than a command's.
    var isReadingData: Bool { message != nil }

    /// Refuses the message being read (a line too long to keep): its end is answered 552 for
    /// each recipient, so the MTA bounces it rather than trying again.
    mutating func refuseMessage() {
        guard message != nil else { return }
        messageTooLarge = true
        message = []
    }

    /// The replies to one line (without its CRLF), in order.
    mutating func receive(_ line: ArraySlice<UInt8>) async -> [String] {
        if message != nil { return await receiveData(line) }
        let text = String(decoding: line, as: UTF8.self)
        let verb = text.prefix { $0 != " " }.uppercased()
        let argument = text.dropFirst(verb.count).trimmingCharacters(in: .whitespaces)
        switch verb {
        case "LHLO":
            guard !argument.isEmpty, !Self.hasControlCharacter(argument) else {
                return ["501 5.5.4 LHLO needs a domain"]
            }
            clientName = String(argument.prefix { !$0.isWhitespace }.prefix(255))
            reset()
            return [
                "250-\(hostName)", "250-PIPELINING", "250-ENHANCEDSTATUSCODES", "250-8BITMIME",
                "250 SIZE \(delivery.maxMessageBytes)",
            ]
        case "HELO", "EHLO": return ["500 5.5.1 this is LMTP: say LHLO"]
        case "MAIL": return mail(argument)
        case "RCPT": return await recipient(argument)
        case "DATA":
            guard sender != nil else { return ["503 5.5.1 MAIL first"] }
            guard !recipients.isEmpty else { return ["503 5.5.1 no valid recipients"] }
            message = []
            return ["354 2.0.0 end the message with a line holding only a dot"]
        case "RSET":
            reset()
            return ["250 2.0.0 OK"]
        case "NOOP": return ["250 2.0.0 OK"]
        case "VRFY": return ["252 2.5.0 send it and see"]
        case "QUIT":
            isClosed = true
            return ["221 2.0.0 \(hostName) closing"]
        default: return ["500 5.5.2 unknown command"]
        }
    }

    private mutating func mail(_ argument: String) -> [String] {
        guard clientName != nil else { return ["503 5.5.1 LHLO first"] }
        guard sender == nil else { return ["503 5.5.1 a transaction is open: RSET first"] }
        guard let path = Self.path(after: "FROM:", in: argument) else { return ["501 5.5.4 MAIL FROM:<address>"] }
        // The sender goes into Return-Path: nothing that could end or fold a header line.
        guard !Self.hasControlCharacter(path.address) else { return ["501 5.1.7 bad sender address"] }
        let size = path.parameters.first { $0.uppercased().hasPrefix("SIZE=") }.flatMap { Int($0.dropFirst(5)) }
        if let size, size > delivery.maxMessageBytes {
            return ["552 5.3.4 a message of \(size) bytes is over the limit of \(delivery.maxMessageBytes)"]
        }
        sender = path.address
        return ["250 2.1.0 sender OK"]
    }

    private mutating func recipient(_ argument: String) async -> [String] {
        guard sender != nil else { return ["503 5.5.1 MAIL first"] }
        guard let path = Self.path(after: "TO:", in: argument), !path.address.isEmpty else {
            return ["501 5.5.4 RCPT TO:<address>"]
        }
        guard recipients.count < Self.maxRecipients else { return ["452 4.5.3 too many recipients"] }
        if recipients.contains(where: { $0.caseInsensitiveCompare(path.address) == .orderedSame }) {
            // Named again: answered again after DATA, delivered once.
            recipients.append(path.address)
            return ["250 2.1.5 recipient OK"]
        }
        do {
            guard try await delivery.store.user(address: path.address) != nil else {
                return ["550 5.1.1 <\(path.address)> no such user here"]
            }
        } catch {
            return ["452 4.3.0 the mail store is unavailable, try again later"]
        }
        recipients.append(path.address)
        return ["250 2.1.5 recipient OK"]
    }

    private mutating func receiveData(_ line: ArraySlice<UInt8>) async -> [String] {
        guard line != [UInt8(ascii: ".")] else { return await deliver() }
        // A leading dot was doubled by the client (RFC 5321 4.5.2).
        let content = line.first == UInt8(ascii: ".") ? line.dropFirst() : line
        if !messageTooLarge, (message?.count ?? 0) + content.count + 2 <= delivery.maxMessageBytes {
            message?.append(contentsOf: content)
            message?.append(contentsOf: [0x0D, 0x0A])
        } else {
            messageTooLarge = true
            message = []
        }
        return []
    }

    /// One reply per accepted recipient, in RCPT order (RFC 2033 4.2).
    private mutating func deliver() async -> [String] {
        let trace = [
            "Return-Path: <\(sender ?? "")>",
            "Received: from \(clientName ?? "unknown") by \(hostName) with LMTP; \(MessageDate.format(Date()))",
        ]
        let raw = Array((trace.joined(separator: "\r\n") + "\r\n").utf8) + (message ?? [])
        var replies: [String] = []
        var delivered: [String: String] = [:]
        for address in recipients {
            guard !messageTooLarge else {
                replies.append("552 5.3.4 the message is over the limit of \(delivery.maxMessageBytes) bytes")
                continue
            }
            let key = address.lowercased()
            if let earlier = delivered[key] {
                replies.append(earlier)
                continue
            }
            let reply: String
            do {
                _ = try await delivery.deliver(raw, to: address)
                reply = "250 2.1.5 <\(address)> delivered"
            } catch {
                reply = Self.reply(to: error, for: address)
            }
            delivered[key] = reply
            replies.append(reply)
        }
        reset()
        return replies
    }

    private static func reply(to error: DeliveryError, for address: String) -> String {
        switch error.code {
        case .unknownRecipient: "550 5.1.1 <\(address)> no such user here"
        case .tooLarge: "552 5.3.4 \(error.detail)"
        case .unparsable: "554 5.6.0 the message cannot be read: \(error.detail)"
        default: "452 4.3.0 <\(address)> the mail store is unavailable, try again later"
        }
    }

    private mutating func reset() {
        sender = nil
        recipients = []
        message = nil
        messageTooLarge = false
    }

    private static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// `FROM:<address> SIZE=123` read as the address and its parameters; nil without the angle brackets.
    private static func path(after keyword: String, in argument: String) -> (address: String, parameters: [String])? {
        guard argument.uppercased().hasPrefix(keyword) else { return nil }
        let rest = argument.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)
        guard rest.hasPrefix("<"), let close = rest.firstIndex(of: ">") else { return nil }
        let address = String(rest[rest.index(after: rest.startIndex)..<close])
        let parameters = rest[rest.index(after: close)...].split(separator: " ").map(String.init)
        return (address, parameters)
    }
}
