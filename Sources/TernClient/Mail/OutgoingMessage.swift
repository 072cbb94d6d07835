public import Foundation

/// A message written on the device, as the RFC 5322 / MIME text SendMail carries
/// (MS-ASCMD 2.2.1.17): a UTF-8 text body, base64 in transfer, and each attachment as a
/// base64 part of a `multipart/mixed`. The server adds `From` for the account.
public struct OutgoingMessage: Hashable, Sendable {
    public struct Attachment: Hashable, Sendable {
        public let fileName: String
        public let bytes: [UInt8]

        public init(fileName: String, bytes: [UInt8]) {
            self.fileName = fileName
            self.bytes = bytes
        }
    }

    public var to: [String]
    public var subject: String
    public var body: String
    public var attachments: [Attachment]

    public init(to: [String], subject: String, body: String, attachments: [Attachment] = []) {
        self.to = to
        self.subject = subject
        self.body = body
        self.attachments = attachments
    }

    /// The message's bytes, CRLF line ends throughout.
    public func mime(date: Date = Date(), messageID: String = UUID().uuidString.lowercased() + "@tern-device")
        -> [UInt8]
    {
        var lines = [
            "MIME-Version: 1.0", "Date: \(Self.rfc5322(date))", "Message-ID: <\(messageID)>",
            "To: \(to.joined(separator: ", "))", "Subject: \(Self.encodedWord(subject))",
        ]
        let text =
            ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
            + Self.base64Lines(Array(body.utf8))
        if attachments.isEmpty {
            lines += text
        } else {
            let boundary = "tern-" + UUID().uuidString
            lines += ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "--\(boundary)"] + text
            for attachment in attachments {
                let name = Self.encodedWord(attachment.fileName).replacing("\"", with: "'")
                lines +=
                    [
                        "--\(boundary)", "Content-Type: application/octet-stream; name=\"\(name)\"",
                        "Content-Disposition: attachment; filename=\"\(name)\"", "Content-Transfer-Encoding: base64",
                        "",
                    ] + Self.base64Lines(attachment.bytes)
            }
            lines.append("--\(boundary)--")
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// `text` as it is when ASCII, else one RFC 2047 encoded word.
    private static func encodedWord(_ text: String) -> String {
        text.allSatisfy { $0.isASCII && !$0.isNewline } ? text : "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    /// Base64 in lines of 76 characters (RFC 2045 6.8).
    private static func base64Lines(_ bytes: [UInt8]) -> [String] {
        let encoded = Data(bytes).base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(
                encoded[from..<(encoded.index(from, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }
    }

    /// `Tue, 01 Dec 2026 09:48:00 +0000`.
    private static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
