/// A part's Content-Type (RFC 2045 section 5): media type, subtype and parameters.
///
/// A field that is missing or can't be read means `text/plain; charset=us-ascii`
/// (section 5.2), but any parameters it does carry, such as a charset, are kept.
///
/// ```
/// Content-Type: multipart/alternative; boundary="=_tern_0001"
/// Content-Type: text/plain; charset=ISO-8859-1; format=flowed
/// ```
public struct ContentType: Hashable, Sendable, CustomStringConvertible {
    /// Lower-cased top-level type: `text`, `multipart`, `image`, ...
    public let type: String
    /// Lower-cased subtype: `plain`, `alternative`, `png`, ...
    public let subtype: String
    public let parameters: MIMEParameters

    public init(type: String, subtype: String, parameters: MIMEParameters = MIMEParameters()) {
        self.type = type.lowercasedForMatching()
        self.subtype = subtype.lowercasedForMatching()
        self.parameters = parameters
    }

    /// Parses a Content-Type field value tolerantly (`TEXT / Plain`, a lone `text`, no subtype).
    public init(headerValue: String) {
        let (value, parameters) = MIMEParameters.split(headerValue)
        let compact = String(String.UnicodeScalarView(value.unicodeScalars.filter { !$0.isMIMEWhitespace }))
            .trimmingQuotes()
        let pieces = compact.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let isToken = { (piece: Substring) in
            !piece.isEmpty && piece.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") }
        }
        if pieces.count == 2, isToken(pieces[0]), isToken(pieces[1]) {
            self.init(type: String(pieces[0]), subtype: String(pieces[1]), parameters: parameters)
        } else {
            self.init(type: "text", subtype: "plain", parameters: parameters)
        }
    }

    /// `text/plain; charset=us-ascii`, the RFC 2045 section 5.2 default.
    public static let defaultPlainText = ContentType(
        type: "text", subtype: "plain", parameters: MIMEParameters([.init(name: "charset", value: "us-ascii")]))

    /// `message/rfc822`, the default inside multipart/digest (RFC 2046 section 5.1.5).
    public static let messageRFC822 = ContentType(type: "message", subtype: "rfc822")

    /// `type/subtype`, lower-cased.
    public var mimeType: String { "\(type)/\(subtype)" }

    /// The `charset` parameter (RFC 2046 section 4.1.2).
    public var charset: String? { parameters["charset"].map { $0.trimmingQuotes() }.flatMap { $0.isEmpty ? nil : $0 } }

    /// The `boundary` parameter of a multipart type (RFC 2046 section 5.1.1).
    public var boundary: String? { parameters["boundary"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The old-style `name` parameter that carries a file name, RFC 2231 and RFC 2047 decoded.
    public var name: String? { parameters["name"].flatMap(FileName.clean) }

    public var isMultipart: Bool { type == "multipart" }

    /// A whole message inside a part (`message/rfc822`, or `message/global` from RFC 6532).
    public var isEncapsulatedMessage: Bool { type == "message" && (subtype == "rfc822" || subtype == "global") }

    public var description: String { mimeType }
}

/// File names from parameters, as mail clients read them.
enum FileName {
    /// Encoded words decoded (not allowed in parameters by RFC 2047 section 5, but sent by many
    /// mailers), whitespace trimmed, nil when nothing is left.
    static func clean(_ value: String) -> String? {
        let name = EncodedWord.decode(value).trimmingWhitespace()
        return name.isEmpty ? nil : name
    }
}
