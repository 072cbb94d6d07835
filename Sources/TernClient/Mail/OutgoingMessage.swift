public import Foundation
import MIME

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
            "MIME-Version: 1.0", "Date: \(MessageDate.format(date))", "Message-ID: <\(messageID)>",
            "To: \(to.joined(separator: ", "))", "Subject: \(EncodedWord.encode(subject))",
        ]
        let text =
            ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
            + Base64Transfer.encodedLines(Array(body.utf8))
        if attachments.isEmpty {
            lines += text
        } else {
            let boundary = "tern-" + UUID().uuidString
            lines += ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "--\(boundary)"] + text
            for attachment in attachments {
                let name = EncodedWord.encode(attachment.fileName).replacing("\"", with: "'")
                lines +=
                    [
                        "--\(boundary)", "Content-Type: application/octet-stream; name=\"\(name)\"",
                        "Content-Disposition: attachment; filename=\"\(name)\"", "Content-Transfer-Encoding: base64",
                        "",
                    ] + Base64Transfer.encodedLines(attachment.bytes)
            }
            lines.append("--\(boundary)--")
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
