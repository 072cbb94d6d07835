/// One WBXML code page of the ActiveSync vocabulary: a namespace and its tag tokens.
///
/// MS-ASWBXML 2.1.2.1 defines 26 code pages (0–25). Each page maps a tag name to a
/// one-byte token in 0x05...0x3F; the content flag (0x40) is added on the wire, never here.
/// In the XML form the page's namespace is written with a trailing colon (`AirSync:`).
public struct CodePage: Sendable {
    /// One tag of a code page.
    public struct Tag: Sendable, Hashable {
        public let name: String
        public let token: UInt8
    }

    /// The page number sent after SWITCH_PAGE.
    public let number: UInt8
    /// The namespace name without the trailing colon, e.g. `AirSync`.
    public let namespace: String
    /// Every tag of the page, in token order.
    public let tags: [Tag]
    /// Tags whose content travels as OPAQUE bytes and is written as base64 in the XML form.
    public let opaqueTagNames: Set<String>

    init(_ number: UInt8, _ namespace: String, _ tags: [(String, UInt8)], opaque: Set<String> = []) {
        self.number = number
        self.namespace = namespace
        self.tags = tags.map { Tag(name: $0.0, token: $0.1) }
        self.opaqueTagNames = opaque
    }
}
