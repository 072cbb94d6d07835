/// One entity of a message (RFC 2045 section 2.4): its headers and body, and for containers
/// the parts inside it.
///
/// A part never copies the message: `body` is a slice of `MIMEMessage.raw`, so its indices are
/// byte offsets into the stored message, still transfer-encoded. A multipart (RFC 2046 section
/// 5.1) has its body parts as `children`; a message/rfc822 part (section 5.2.1) has one child,
/// the encapsulated message's root, whose headers are that message's headers.
///
/// ```
/// multipart/mixed              path []
///   multipart/alternative      path [0]
///     text/plain               path [0, 0]
///     text/html                path [0, 1]
///   application/pdf            path [1]
/// ```
public struct MIMEPart: Sendable {
    /// What the part holds.
    public enum Kind: Hashable, Sendable {
        /// A leaf: text, an image, an opaque attachment. Also a container nested deeper than
        /// `MIMELimits.maxDepth`, or a message/rfc822 whose body is base64 or quoted-printable.
        case single
        /// A multipart; `children` are its body parts.
        case multipart
        /// An encapsulated message; `children` holds its root part.
        case message
    }

    public let kind: Kind
    public let headers: MIMEHeaders
    /// From the Content-Type field, or the default (text/plain, or message/rfc822 in a digest).
    public let contentType: ContentType
    /// From Content-Transfer-Encoding; 7bit when absent.
    public let transferEncoding: TransferEncoding
    public let disposition: ContentDisposition?
    /// The whole part in the message: headers, blank line and body.
    public let range: Range<Int>
    /// The body as stored, transfer-encoded; its indices are offsets into the message.
    public let body: ArraySlice<UInt8>
    public let children: [MIMEPart]
    /// Child indices from the root (`[]` is the root). IMAP section numbers are these plus one.
    public let path: [Int]

    /// The body's byte range in the message.
    public var bodyRange: Range<Int> { body.startIndex..<body.endIndex }

    /// Content-ID (RFC 2045 section 7) without its angle brackets.
    public var contentID: String? {
        headers["Content-ID"].map { $0.trimmingAngleBrackets() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The file name: Content-Disposition `filename`, else Content-Type `name`, decoded.
    public var filename: String? { disposition?.filename ?? contentType.name }

    /// The body with its transfer encoding undone.
    public func decodedBody() -> [UInt8] { transferEncoding.decode(body) }

    /// The size of `decodedBody()`, computed without keeping the bytes.
    public var decodedSize: Int { transferEncoding.decodedCount(body) }

    /// The decoded body as text in its charset (see `Charset`). An HTML part without a charset
    /// parameter uses the one its `<meta>` declares, if any.
    public func text() -> String {
        let bytes = decodedBody()
        let charset = contentType.charset ?? (contentType.subtype == "html" ? Self.metaCharset(bytes) : nil)
        return Charset.decode(bytes, charset: charset)
    }

    /// Whether the part asks to be an attachment: disposition other than inline, or a file name.
    var isMarkedAsAttachment: Bool {
        if let disposition, !disposition.isInline { return true }
        return filename != nil
    }

    /// `charset=NAME` in the first 2 KiB of an HTML body (as in `<meta charset="...">`).
    private static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(2048).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
        let needle = Array("charset=".utf8)
        guard head.count >= needle.count else { return nil }
        for start in 0...(head.count - needle.count) where head[start..<(start + needle.count)].elementsEqual(needle) {
            let name = head[(start + needle.count)...]
                .drop { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
                .prefix {
                    $0 > 0x20 && $0 < 0x7F
                        && ![
                            UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ";"), UInt8(ascii: ">"),
                            UInt8(ascii: "/"),
                        ].contains($0)
                }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
        return nil
    }

    init(
        kind: Kind, headers: MIMEHeaders, contentType: ContentType, transferEncoding: TransferEncoding,
        disposition: ContentDisposition?, range: Range<Int>, body: ArraySlice<UInt8>, children: [MIMEPart], path: [Int]
    ) {
        self.kind = kind
        self.headers = headers
        self.contentType = contentType
        self.transferEncoding = transferEncoding
        self.disposition = disposition
        self.range = range
        self.body = body
        self.children = children
        self.path = path
    }
}
