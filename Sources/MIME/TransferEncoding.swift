/// A part's Content-Transfer-Encoding (RFC 2045 section 6).
///
/// A struct over the lower-cased token, so an encoding Tern doesn't know stays representable.
/// Unknown encodings (`x-uuencode`, typos) are treated as 8bit: the body is passed through as
/// it is, which is what a mail client shows for them.
///
/// ```
/// Content-Transfer-Encoding: quoted-printable
/// ```
public struct TransferEncoding: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue.lowercasedForMatching()
    }

    /// Parses a header value, ignoring case, quotes, comments and anything after the token.
    public init(headerValue: String) {
        let token = MIMEParameters.split(headerValue).value
        self.init(rawValue: token.trimmingQuotes())
    }

    public static let sevenBit = TransferEncoding(rawValue: "7bit")
    public static let eightBit = TransferEncoding(rawValue: "8bit")
    public static let binary = TransferEncoding(rawValue: "binary")
    public static let quotedPrintable = TransferEncoding(rawValue: "quoted-printable")
    public static let base64 = TransferEncoding(rawValue: "base64")

    /// Whether the body is stored as it is (7bit, 8bit, binary and every unknown encoding).
    public var isIdentity: Bool { self != .quotedPrintable && self != .base64 }

    /// The body's bytes with this encoding undone.
    public func decode(_ body: ArraySlice<UInt8>) -> [UInt8] {
        switch self {
        case .base64: Base64Transfer.decode(body)
        case .quotedPrintable: QuotedPrintable.decode(body)
        default: Array(body)
        }
    }

    /// The number of bytes `decode` would return.
    public func decodedCount(_ body: ArraySlice<UInt8>) -> Int {
        switch self {
        case .base64: Base64Transfer.decodedCount(body)
        case .quotedPrintable: QuotedPrintable.decodedCount(body)
        default: body.count
        }
    }

    public var description: String { rawValue }
}
