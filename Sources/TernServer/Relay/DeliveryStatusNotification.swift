import Foundation
import MIME
import TernStore

/// The bounce a sender finds in their Inbox when the relay refused recipients for good or
/// the queue gave up on them: a delivery status notification (RFC 3464, multipart/report)
/// with a line per recipient for the reader, one status block each for software, and the
/// original's header. It is filed, never sent, so a bounce cannot loop.
struct DeliveryStatusNotification {
    /// The name this server reports as (`Reporting-MTA`).
    let reportingHost: String
    let message: QueuedMessage
    /// The original's bytes, whose header is returned.
    let original: [UInt8]
    let failures: [(address: String, reason: String)]

    /// The most header bytes of the original returned.
    static let maxReturnedHeaderBytes = 64 << 10

    func item(at date: Date) throws -> EmailItem {
        EmailItem(message: try MIMEMessage(accepting: Array(text(at: date).utf8)), receivedAt: date)
    }

    func text(at date: Date) -> String {
        let domain = message.sender.split(separator: "@").last.map(String.init) ?? reportingHost
        let boundary = "=_tern-dsn-\(UUID().uuidString.lowercased())"
        let lines = failures.map { "  \(Self.oneLine($0.address))\r\n    \(Self.oneLine($0.reason))" }
        let blocks = failures.map { failure in
            var block = "Final-Recipient: rfc822; \(Self.oneLine(failure.address))\r\nAction: failed\r\n"
            block += "Status: \(Self.status(of: failure.reason))\r\n"
            if failure.reason.prefix(3).allSatisfy(\.isNumber) {
                block += "Diagnostic-Code: smtp; \(Self.oneLine(failure.reason))\r\n"
            }
            return block
        }
        return """
            From: Mail Delivery System <MAILER-DAEMON@\(domain)>\r
            To: <\(message.sender)>\r
            Subject: Undelivered Mail Returned to Sender\r
            Date: \(MessageDate.format(date))\r
            Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>\r
            Auto-Submitted: auto-replied\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="\(boundary)"\r
            \r
            --\(boundary)\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Your message could not be delivered to \(failures.count == 1 ? "this recipient" : "these recipients"):\r
            \r
            \(lines.joined(separator: "\r\n"))\r
            \r
            --\(boundary)\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; \(reportingHost)\r
            Arrival-Date: \(MessageDate.format(message.queuedAt))\r
            \r
            \(blocks.joined(separator: "\r\n"))\r
            --\(boundary)\r
            Content-Type: text/rfc822-headers\r
            \r
            \(String(decoding: header(of: original), as: UTF8.self))\r
            --\(boundary)--\r

            """
    }

    /// The RFC 3463 status of a failure: the enhanced code of the relay's reply, else 5.0.0
    /// for a permanent reply and 4.4.7 (delivery time expired) for a message given up on.
    static func status(of reason: String) -> String {
        SMTPReply.enhancedStatus(in: reason) ?? (reason.hasPrefix("5") ? "5.0.0" : "4.4.7")
    }

    /// The original's header, up to the blank line that ends it and at most
    /// `maxReturnedHeaderBytes`, every line ended by CRLF.
    private func header(of raw: [UInt8]) -> [UInt8] {
        let limit = min(raw.count, Self.maxReturnedHeaderBytes)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while start < limit, let newline = raw[start..<limit].firstIndex(of: 10) {
            let end = newline > start && raw[newline - 1] == 13 ? newline - 1 : newline
            if end == start { break }
            lines.append(raw[start..<end])
            start = newline + 1
        }
        return Array(lines.joined(separator: [13, 10]))
    }

    /// `text` without line breaks or other control characters, at most 500 characters.
    private static func oneLine(_ text: String) -> String {
        String(
            String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) }).prefix(500))
    }
}
