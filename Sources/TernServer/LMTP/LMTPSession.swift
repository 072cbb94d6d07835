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
        switch LMTPCommand(line: line) {
        case .lhlo(let name):
            guard let name else { return ["501 5.5.4 LHLO needs a domain"] }
            clientName = name
            reset()
            return [
                "250-\(hostName)", "250-PIPELINING", "250-ENHANCEDSTATUSCODES", "250-8BITMIME",
                "250 SIZE \(delivery.maxMessageBytes)",
            ]
        case .smtpHello: return ["500 5.5.1 this is LMTP: say LHLO"]
        case .mail(let sender, let size): return mail(from: sender, size: size)
        case .rcpt(let address): return await recipient(address)
        case .data:
            guard sender != nil else { return ["503 5.5.1 MAIL first"] }
            guard !recipients.isEmpty else { return ["503 5.5.1 no valid recipients"] }
            message = []
            return ["354 2.0.0 end the message with a line holding only a dot"]
        case .rset:
            reset()
            return ["250 2.0.0 OK"]
        case .noop: return ["250 2.0.0 OK"]
        case .vrfy: return ["252 2.5.0 send it and see"]
        case .quit:
            isClosed = true
            return ["221 2.0.0 \(hostName) closing"]
        case .unknown: return ["500 5.5.2 unknown command"]
        }
    }

    private mutating func mail(from path: String?, size: Int?) -> [String] {
        guard clientName != nil else { return ["503 5.5.1 LHLO first"] }
        guard sender == nil else { return ["503 5.5.1 a transaction is open: RSET first"] }
        guard let path else { return ["501 5.5.4 MAIL FROM:<address>"] }
        if let size, size > delivery.maxMessageBytes {
            return ["552 5.3.4 a message of \(size) bytes is over the limit of \(delivery.maxMessageBytes)"]
        }
        sender = path
        return ["250 2.1.0 sender OK"]
    }

    private mutating func recipient(_ address: String?) async -> [String] {
        guard sender != nil else { return ["503 5.5.1 MAIL first"] }
        guard let address else { return ["501 5.5.4 RCPT TO:<address>"] }
        guard recipients.count < Self.maxRecipients else { return ["452 4.5.3 too many recipients"] }
        if recipients.contains(where: { $0.caseInsensitiveCompare(address) == .orderedSame }) {
            // Named again: answered again after DATA, delivered once.
            recipients.append(address)
            return ["250 2.1.5 recipient OK"]
        }
        do {
            guard try await delivery.store.user(address: address) != nil else {
                return ["550 5.1.1 <\(address)> no such user here"]
            }
        } catch {
            return ["452 4.3.0 the mail store is unavailable, try again later"]
        }
        recipients.append(address)
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
        // The detail may quote the message: never a line break into the reply.
        let detail = String(
            error.detail.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        return switch error.code {
        case .unknownRecipient: "550 5.1.1 <\(address)> no such user here"
        case .tooLarge: "552 5.3.4 \(detail)"
        case .unparsable: "554 5.6.0 the message cannot be read: \(detail)"
        default: "452 4.3.0 <\(address)> the mail store is unavailable, try again later"
        }
    }

    private mutating func reset() {
        sender = nil
        recipients = []
        message = nil
        messageTooLarge = false
    }
}
