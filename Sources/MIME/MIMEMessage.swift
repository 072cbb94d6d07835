public import Foundation

/// An Internet message (RFC 5322) with its MIME structure (RFC 2045, RFC 2046), parsed from
/// the bytes Tern stores.
///
/// `raw` is kept byte for byte; every part and header refers back into it by range. The parser
/// is tolerant like a mail client and never traps on bad input:
///
/// - CRLF and bare LF line breaks; 8-bit bytes in headers (UTF-8, else windows-1252/Latin-1);
///   malformed encoded words left as written; unknown transfer encodings read as 8bit.
/// - No header section at all (the first line is not a field): the whole input is a body-only
///   message. No blank line after the headers: the body starts at the first non-field line.
/// - No Content-Type: `text/plain; charset=us-ascii`. A leading mbox `From ` line is skipped.
/// - A multipart whose close delimiter is missing ends at the end of the message; one whose
///   boundary never occurs (or is not given) has its whole body as its one part.
/// - message/rfc822 parts are parsed so their headers can be shown; they are attachments.
/// - Containers nested deeper than `MIMELimits.maxDepth` are kept as opaque leaf parts.
///
/// Refused with a `MIMEError`: an empty input, one over `maxBytes`, a header section over
/// `maxHeaderBytes`, more than `maxParts` parts.
///
/// ```
/// let message = try MIMEMessage(parsing: Array(bytes))
/// message.subject          // "Quarterly figures"
/// message.attachments      // [report.pdf (48213 bytes)]
/// ```
public struct MIMEMessage: Sendable {
    /// The message exactly as given.
    public let raw: [UInt8]
    /// The message's own header section (the root part's headers).
    public let headers: MIMEHeaders
    public let root: MIMEPart
    /// The part `plainTextBody` comes from.
    public let plainTextPart: MIMEPart?
    /// The part `htmlBody` comes from.
    public let htmlPart: MIMEPart?
    /// Every part that is not the text or HTML body, in message order (see `MIMEAttachment`).
    public let attachments: [MIMEAttachment]

    /// Parses `raw`, which is kept unmodified.
    public init(parsing raw: [UInt8], limits: MIMELimits = .default) throws(MIMEError) {
        guard !raw.isEmpty else { throw MIMEError(.empty, at: 0, "an empty message") }
        guard raw.count <= limits.maxBytes else {
            throw MIMEError(
                .tooLarge, at: limits.maxBytes, "a message of \(raw.count) bytes exceeds \(limits.maxBytes)")
        }
        var parser = MIMEPartParser(raw: raw, limits: limits)
        let root = try parser.parseEntity(
            0..<raw.count, depth: 0, path: [], defaultType: .defaultPlainText, isTopLevel: true)
        self.raw = raw
        self.root = root
        headers = root.headers
        let bodies = BodySelection(root: root)
        plainTextPart = bodies.plainText
        htmlPart = bodies.html
        attachments = bodies.attachments
    }

    /// Parses mail that has to be taken whatever its structure (delivered, imported, or read
    /// back from the store): as `init(parsing:)`, but a message of more than `maxParts` parts
    /// is kept as one leaf part, its structure unread, instead of refused. Only an empty
    /// message and the size limits refuse it.
    public init(accepting raw: [UInt8], limits: MIMELimits = .default) throws(MIMEError) {
        do {
            try self.init(parsing: raw, limits: limits)
        } catch  where error.code == .tooManyParts {
            var whole = limits
            whole.maxDepth = 0
            try self.init(parsing: raw, limits: whole)
        }
    }

    /// Subject (RFC 5322 section 3.6.5), encoded words decoded.
    public var subject: String? { headers.decodedValue(named: "Subject") }

    /// From (section 3.6.2).
    public var from: [MailAddress] { addresses("From") }
    /// Sender (section 3.6.2): who sent the message on behalf of From.
    public var sender: [MailAddress] { addresses("Sender") }
    /// To (section 3.6.3).
    public var to: [MailAddress] { addresses("To") }
    /// Cc (section 3.6.3).
    public var cc: [MailAddress] { addresses("Cc") }
    /// Bcc (section 3.6.3), present in drafts and sent copies.
    public var bcc: [MailAddress] { addresses("Bcc") }
    /// Reply-To (section 3.6.2).
    public var replyTo: [MailAddress] { addresses("Reply-To") }

    /// Date (section 3.6.1), or nil when missing or unreadable.
    public var date: Date? { headers["Date"].flatMap(MessageDate.parse) }

    /// Message-ID (section 3.6.4) without angle brackets.
    public var messageID: String? { MessageIDList.parse(headers["Message-ID"] ?? "").first }
    /// The first message identifier of In-Reply-To (section 3.6.4), without angle brackets.
    public var inReplyTo: String? { MessageIDList.parse(headers["In-Reply-To"] ?? "").first }
    /// The identifiers of References (section 3.6.4), oldest first, without angle brackets.
    public var references: [String] { headers.values(named: "References").flatMap(MessageIDList.parse) }

    /// From the Importance or X-Priority fields.
    public var importance: Importance { Importance(headers: headers) }

    /// The text of the best text/plain body part (the plain alternative of a
    /// multipart/alternative), decoded to a `String`; nil when the message has none.
    /// Decoded on each access. Line breaks are as in the message.
    public var plainTextBody: String? { plainTextPart?.text() }

    /// The text of the best text/html body part, decoded to a `String`; nil when there is none.
    public var htmlBody: String? { htmlPart?.text() }

    /// The message's text for a reader: the plain body as it is, else the visible text of the
    /// HTML body (whitespace collapsed, at most `maxCharacters`), "" when it has neither.
    public func readableText(maxCharacters: Int) -> String {
        plainTextBody ?? htmlBody.map { Preview.text(fromHTML: $0, maxCharacters: maxCharacters) } ?? ""
    }

    /// The preview text: from the plain body, else from the HTML body with markup removed,
    /// whitespace collapsed, at most `maxCharacters` characters (see `Preview`).
    public func preview(maxCharacters: Int = 255) -> String {
        if let plain = plainTextBody {
            let text = Preview.text(fromPlainText: plain, maxCharacters: maxCharacters)
            if !text.isEmpty { return text }
        }
        if let html = htmlBody { return Preview.text(fromHTML: html, maxCharacters: maxCharacters) }
        return ""
    }

    /// The decoded content of one of `attachments`.
    public func decodedBytes(of attachment: MIMEAttachment) -> [UInt8] { attachment.decodedBytes() }

    private func addresses(_ name: String) -> [MailAddress] {
        headers.values(named: name).flatMap(AddressList.parse)
    }
}
