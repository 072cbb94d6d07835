import Foundation
import MIME

/// The text of an email a search looks in, column by column: subject, sender (From),
/// recipients (To and Cc) and the body's readable text (the plain body as it is, else the
/// HTML body's visible text), at most `maxBodyCharacters` of it.
public struct MailSearchText: Hashable, Sendable {
    public var subject: String
    public var sender: String
    public var recipients: String
    public var body: String

    /// How much of a body is indexed: enough for any letter a person writes, bounded for the
    /// mailing-list digests and logs some mail carries.
    public static let maxBodyCharacters = 100_000

    public init(subject: String, sender: String, recipients: String, body: String) {
        self.subject = subject
        self.sender = sender
        self.recipients = recipients
        self.body = body
    }

    /// The text of `email`; the body from its message, which is read again (a message that
    /// does not parse has no body text, its headers as stored still count).
    public init(_ email: EmailItem) {
        let properties = email.properties
        let message = try? MIMEMessage(accepting: Array(email.raw))
        self.init(
            subject: properties.subject ?? "", sender: properties.from ?? "",
            recipients: [properties.to, properties.cc].compactMap { $0 }.joined(separator: ", "),
            body: Self.bounded(message?.readableText(maxCharacters: Self.maxBodyCharacters) ?? ""))
    }

    /// At most `maxBodyCharacters` Unicode scalars of `text`, cut without counting when it is shorter.
    private static func bounded(_ text: String) -> String {
        guard text.utf8.count > maxBodyCharacters else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxBodyCharacters)))
    }
}

extension EmailItem {
    /// Whether replacing `old` with this email changes what search reads of it (the message
    /// or a header it indexes, the date or conversation it pages by): a draft edited does, a
    /// change of read state or flag does not.
    package func changesSearch(from old: EmailItem) -> Bool {
        let before = old.properties
        let after = properties
        return old.raw != raw || before.subject != after.subject || before.from != after.from || before.to != after.to
            || before.cc != after.cc || before.dateReceived != after.dateReceived
            || before.conversationID != after.conversationID
    }
}
