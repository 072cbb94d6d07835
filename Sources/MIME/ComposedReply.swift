import Foundation

/// A SmartReply's or SmartForward's message as it is sent (MS-ASCMD 2.2.1.19, 2.2.1.20): the
/// device wrote only its new text, and the server adds the original. The composed message is
/// plain text: an HTML-only part gives its visible text. A reply gets the original's text
/// quoted below the new text; a forward gets the original's text under a
/// "Forwarded message" header block and every attachment of the original, copied byte for
/// byte. The device's own header fields (To, Subject, In-Reply-To…) and attachments are kept.
public enum ComposedReply {
    public enum Kind: Sendable {
        case reply, forward
    }

    /// The message to send: `new` with `original` added as `kind` says.
    public static func compose(_ new: MIMEMessage, original: MIMEMessage, as kind: Kind) -> [UInt8] {
        let text = new.readableText(maxCharacters: maxTextCharacters) + "\r\n\r\n" + addedText(of: original, as: kind)
        var lines =
            new.headers.fields.filter { !bodyFields.contains($0.name.lowercased()) }.map { field in
                String(decoding: new.raw[field.range], as: UTF8.self).trimmingCharacters(in: .newlines)
            } + ["MIME-Version: 1.0"]
        let textPart =
            ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
            + Base64Transfer.encodedLines(Array(text.utf8))
        let attachments =
            new.attachments.map { (message: new, part: $0.part) }
            + (kind == .forward ? original.attachments.map { (message: original, part: $0.part) } : [])
        guard !attachments.isEmpty else { return Array((lines + textPart).joined(separator: "\r\n").utf8) + [13, 10] }
        let boundary = "tern-" + UUID().uuidString
        lines += ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "--\(boundary)"] + textPart
        var output = Array(lines.joined(separator: "\r\n").utf8)
        for attachment in attachments {
            output += Array("\r\n--\(boundary)\r\n".utf8) + partBytes(attachment.part, of: attachment.message)
        }
        output += Array("\r\n--\(boundary)--\r\n".utf8)
        return output
    }

    /// A part as it is copied: its own bytes, or, for a message whose root is the attachment
    /// (S/MIME, a lone file), only the fields that describe its body, never the message's
    /// header (Bcc, Received) with it.
    private static func partBytes(_ part: MIMEPart, of message: MIMEMessage) -> [UInt8] {
        guard part.path.isEmpty else { return Array(message.raw[part.range]) }
        let fields = part.headers.fields.filter { $0.name.lowercased().hasPrefix("content-") }.map { field in
            String(decoding: message.raw[field.range], as: UTF8.self).trimmingCharacters(in: .newlines)
        }
        return Array((fields.joined(separator: "\r\n") + "\r\n\r\n").utf8) + part.body
    }

    /// The most characters of an HTML-only body's text kept (a plain body is taken whole; the
    /// sender's size limit bounds it).
    static let maxTextCharacters = 16 << 20

    /// The fields that describe the old body, which the composed one replaces.
    private static let bodyFields: Set<String> = ["mime-version", "content-type", "content-transfer-encoding"]

    private static func addedText(of original: MIMEMessage, as kind: Kind) -> String {
        let body = original.readableText(maxCharacters: maxTextCharacters).replacingOccurrences(of: "\r\n", with: "\n")
        let sender = original.from.first.map(\.description) ?? "someone"
        switch kind {
        case .reply:
            let date = original.headers["Date"].map { "On \($0), " } ?? ""
            let quoted = body.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }
            return "\(date)\(sender) wrote:\r\n" + quoted.joined(separator: "\r\n")
        case .forward:
            var header = ["---------- Forwarded message ----------", "From: \(sender)"]
            if let date = original.headers["Date"] { header.append("Date: \(date)") }
            if let subject = original.subject { header.append("Subject: \(subject)") }
            let to = original.to.map(\.description).joined(separator: ", ")
            if !to.isEmpty { header.append("To: \(to)") }
            return (header + ["", body.replacingOccurrences(of: "\n", with: "\r\n")]).joined(separator: "\r\n")
        }
    }
}
