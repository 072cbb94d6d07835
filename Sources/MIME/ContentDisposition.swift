/// A part's Content-Disposition (RFC 2183): whether it is shown inline or offered as an
/// attachment, and its file name.
///
/// ```
/// Content-Disposition: attachment; filename*=UTF-8''%E2%82%AC%20Rechnung.pdf
/// Content-Disposition: inline; filename="logo.png"
/// ```
public struct ContentDisposition: Hashable, Sendable {
    /// Lower-cased: `inline`, `attachment`, or another token (treated as attachment, section 2.8).
    public let type: String
    public let parameters: MIMEParameters

    public init(type: String, parameters: MIMEParameters = MIMEParameters()) {
        self.type = type.lowercasedForMatching()
        self.parameters = parameters
    }

    /// Parses a field value tolerantly; an empty disposition type reads as `attachment` if a file
    /// name is given and `inline` otherwise.
    public init(headerValue: String) {
        let (value, parameters) = MIMEParameters.split(headerValue)
        let token = value.trimmingQuotes()
        if token.isEmpty {
            self.init(type: parameters["filename"] == nil ? "inline" : "attachment", parameters: parameters)
        } else {
            self.init(type: token, parameters: parameters)
        }
    }

    /// Whether the part asks to be shown in the body (section 2.1).
    public var isInline: Bool { type == "inline" }

    /// The `filename` parameter (section 2.3), RFC 2231 and RFC 2047 decoded.
    public var filename: String? { parameters["filename"].flatMap(FileName.clean) }
}
