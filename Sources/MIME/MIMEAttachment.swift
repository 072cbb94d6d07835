/// A part of a message that is not its text or HTML body: a file, an inline image, an attached
/// message, a calendar invitation.
///
/// Found by `MIMEMessage`: every leaf not chosen as `plainTextBody` or `htmlBody`, which covers
/// every part with Content-Disposition `attachment` or an inline part with a file name. An
/// attached message (message/rfc822) is one attachment; the parts inside it are not listed.
public struct MIMEAttachment: Sendable {
    /// The part itself, for its headers, path and raw bytes.
    public let part: MIMEPart
    /// Shown in the body rather than offered as a file: Content-Disposition `inline` (RFC 2183
    /// section 2.1), or no disposition but a Content-ID inside multipart/related (RFC 2387).
    public let isInline: Bool
    /// The size after undoing the transfer encoding.
    public let decodedSize: Int

    init(part: MIMEPart, insideRelated: Bool) {
        self.part = part
        if let disposition = part.disposition {
            isInline = disposition.isInline
        } else {
            isInline = insideRelated && part.contentID != nil
        }
        decodedSize = part.decodedSize
    }

    /// The file name (RFC 2231 and RFC 2047 decoded), if the sender gave one.
    public var filename: String? { part.filename }
    public var contentType: ContentType { part.contentType }
    /// Content-ID without angle brackets, as `cid:` URLs in HTML name it (RFC 2392).
    public var contentID: String? { part.contentID }
    /// The whole part in `MIMEMessage.raw`: its headers and encoded body.
    public var range: Range<Int> { part.range }
    /// The encoded body in `MIMEMessage.raw`.
    public var bodyRange: Range<Int> { part.bodyRange }
    /// The part's position in the tree (see `MIMEPart.path`).
    public var path: [Int] { part.path }

    /// The attachment's content with its transfer encoding undone.
    public func decodedBytes() -> [UInt8] { part.decodedBody() }
}
