/// Bounds checked while a message is parsed, so a hostile message costs at most its own size.
///
/// Exceeding `maxBytes`, `maxHeaderBytes` or `maxParts` refuses the message with a `MIMEError`.
/// `maxDepth` does not: a container nested deeper than it is kept as one opaque leaf part (its
/// body undecoded and listed as an attachment), because a long forward chain is legitimate mail.
public struct MIMELimits: Hashable, Sendable {
    /// The largest message accepted, in bytes. Default 64 MiB.
    public var maxBytes: Int
    /// How many multipart or message/rfc822 containers may nest; deeper ones stay opaque.
    /// Default 32. Values above 128 are treated as 128 (it also bounds the parser's recursion).
    public var maxDepth: Int
    /// The most body parts (leaves and containers, the root included) in one message. Default 10,000.
    public var maxParts: Int
    /// The largest header section of the message or of any one part, in bytes. Default 1 MiB.
    public var maxHeaderBytes: Int

    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 32, maxParts: Int = 10_000, maxHeaderBytes: Int = 1 << 20) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxParts = maxParts
        self.maxHeaderBytes = maxHeaderBytes
    }

    public static let `default` = MIMELimits()

    /// The depth the parser actually honours.
    var effectiveMaxDepth: Int { max(0, min(maxDepth, 128)) }
}
