/// Bounds checked before and while decoding, so no input can make the decoder allocate
/// or recurse without limit. The same bounds apply to the XML form.
public struct WBXMLLimits: Hashable, Sendable {
    /// Largest input accepted, in bytes. Default 16 MiB.
    public var maxBytes: Int
    /// Deepest element nesting accepted. Default 64; the deepest EAS documents nest about 12.
    public var maxDepth: Int
    /// Most elements in one document. Default 1,000,000.
    public var maxElements: Int

    public init(maxBytes: Int = 16 << 20, maxDepth: Int = 64, maxElements: Int = 1_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
    }

    /// The defaults above.
    public static let `default` = WBXMLLimits()
}
