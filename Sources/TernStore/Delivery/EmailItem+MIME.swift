public import Foundation
public import MIME

extension EmailItem {
    /// An email item for a message: the bytes kept as they are, the properties Sync sends
    /// read from its headers and parts (MS-ASEMAIL 2.2.2).
    ///
    /// `receivedAt` is when Tern got the message (delivery), or for an import the message's
    /// own Date header when it has one.
    public init(message: MIMEMessage, receivedAt: Date) {
        let attachments = message.attachments.enumerated().map { index, attachment in
            EmailAttachment(
                index: index, fileName: attachment.filename ?? "attachment-\(index + 1)",
                contentType: attachment.contentType.mimeType, contentID: attachment.contentID,
                isInline: attachment.isInline, size: attachment.decodedSize)
        }
        self.init(
            raw: Data(message.raw),
            properties: EmailProperties(
                from: Self.addressLine(message.from), to: Self.addressLine(message.to),
                cc: Self.addressLine(message.cc),
                replyTo: Self.addressLine(message.replyTo), subject: message.subject, dateReceived: receivedAt,
                importance: message.importance.rawValue, messageClass: Self.messageClass(message),
                conversationID: ConversationID.make(for: message), attachments: attachments,
                preview: message.preview(maxCharacters: 255)))
    }

    /// Addresses as EAS shows them: `"Name" <address>`, comma-separated (MS-ASEMAIL 2.2.2.79 To).
    private static func addressLine(_ addresses: [MailAddress]) -> String? {
        addresses.isEmpty ? nil : addresses.map(\.description).joined(separator: ", ")
    }

    /// MS-ASEMAIL 2.2.2.49: signed and encrypted mail and meeting requests have their own classes.
    private static func messageClass(_ message: MIMEMessage) -> String {
        let type = message.root.contentType
        if type.mimeType == "multipart/signed" { return "IPM.Note.SMIME.MultipartSigned" }
        if type.mimeType == "application/pkcs7-mime" || type.mimeType == "application/x-pkcs7-mime" {
            return "IPM.Note.SMIME"
        }
        return meetingMessageClass(message) ?? "IPM.Note"
    }

    /// The class of an iMIP message: an invitation, its cancellation, or an attendee's answer
    /// by its PARTSTAT (MS-ASEMAIL 2.2.2.49).
    private static func meetingMessageClass(_ message: MIMEMessage) -> String? {
        let calendar = message.calendarContent
        switch calendar?.method {
        case "REQUEST": return "IPM.Schedule.Meeting.Request"
        case "CANCEL": return "IPM.Schedule.Meeting.Canceled"
        case "REPLY":
            let text = calendar?.text?.uppercased() ?? ""
            if text.contains("PARTSTAT=DECLINED") { return "IPM.Schedule.Meeting.Resp.Neg" }
            if text.contains("PARTSTAT=TENTATIVE") { return "IPM.Schedule.Meeting.Resp.Tent" }
            return "IPM.Schedule.Meeting.Resp.Pos"
        default: return nil
        }
    }
}

/// A 16-byte conversation id (MS-ASEMAIL 2.2.2.20 ConversationId) shared by every message of
/// a thread: a hash of the thread's first Message-ID (the first of References, else
/// In-Reply-To, else the message's own id, else its subject without Re:/Fwd: prefixes).
package enum ConversationID {
    static func make(for message: MIMEMessage) -> Data {
        let root =
            message.references.first ?? message.inReplyTo ?? message.messageID ?? baseSubject(message.subject ?? "")
        return Data(fnv1a128(Array(root.utf8)))
    }

    /// The subject without its reply and forward prefixes, also Sync's ThreadTopic.
    package static func baseSubject(_ subject: String) -> String {
        var text = Substring(subject)
        while let colon = text.firstIndex(of: ":"),
            ["re", "fw", "fwd", "aw", "wg", "sv", "vs"].contains(text[..<colon].lowercased().trimmingWhitespace())
        {
            text = text[text.index(after: colon)...]
        }
        return String(text).trimmingWhitespace()
    }

    /// 128-bit FNV-1a: stable across runs and machines, which is all a conversation id needs.
    private static func fnv1a128(_ bytes: [UInt8]) -> [UInt8] {
        var low: UInt64 = 0x62B8_2175_6295_C58D
        var high: UInt64 = 0x6C62_272E_07BB_0142
        for byte in bytes {
            low ^= UInt64(byte)
            // Multiply the 128-bit state by the FNV prime 2^88 + 0x13B.
            let (productHigh, productLow) = low.multipliedFullWidth(by: 0x13B)
            high = high &* 0x13B &+ productHigh &+ (low << 24)
            low = productLow
        }
        return withUnsafeBytes(of: high.bigEndian, Array.init) + withUnsafeBytes(of: low.bigEndian, Array.init)
    }
}
