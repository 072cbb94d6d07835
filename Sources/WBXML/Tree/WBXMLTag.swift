/// A tag of the ActiveSync vocabulary: a code page and a token within it.
///
/// Two bytes name every element EAS can send (MS-ASWBXML 2.1.2.1), so the tree stores these
/// rather than strings; the name and namespace come from the code page tables.
public struct WBXMLTag: Hashable, Sendable, CustomStringConvertible {
    /// The code page number (0–25).
    public let page: UInt8
    /// The tag token within the page, without the content flag (0x05...0x3F).
    public let token: UInt8

    /// A tag known to the code page tables, or nil for an unknown page/token pair.
    public init?(page: UInt8, token: UInt8) {
        guard CodePageIndex.shared.name(page: page, token: token) != nil else { return nil }
        self.page = page
        self.token = token
    }

    /// A tag the code page tables define, for the generated constants (`CodePages/Tags/`).
    init(known page: UInt8, _ token: UInt8) {
        self.page = page
        self.token = token
    }

    /// The tag of `name` in `namespace` (`"AirSync"`, `"Email2"`; no trailing colon), or nil.
    public init?(namespace: String, name: String) {
        guard let page = CodePageIndex.shared.pageNumber(namespace: namespace),
            let token = CodePageIndex.shared.token(page: page, name: name)
        else { return nil }
        self.page = page
        self.token = token
    }

    /// The tag of `name` in `namespace`, for names written in our own code.
    ///
    /// A name missing from the tables is a typo in Tern, not a device's input, so it traps.
    public init(_ namespace: String, _ name: String) {
        guard let tag = WBXMLTag(namespace: namespace, name: name) else {
            preconditionFailure("no WBXML tag \(namespace):\(name) in the code page tables")
        }
        self = tag
    }

    /// The element name, e.g. `SyncKey`.
    public var name: String {
        CodePageIndex.shared.name(page: page, token: token) ?? "?"
    }

    /// The namespace name without the trailing colon, e.g. `AirSync`.
    public var namespace: String { CodePage.all[Int(page)].namespace }

    /// True when this tag's content travels as OPAQUE bytes (written as base64 in XML).
    public var carriesOpaqueContent: Bool {
        CodePage.all[Int(page)].opaqueTagNames.contains(name)
    }

    public var description: String { "\(namespace):\(name)" }
}
