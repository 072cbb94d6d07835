/// Reads the XML form of an EAS document into the same element tree WBXML decodes to.
///
/// Elements are in code-page namespaces (`xmlns="AirSync:"`, `xmlns:email="Email:"`; the
/// colon may be left out). The text of OPAQUE tags (`Email2:ConversationId`) is base64 and
/// becomes opaque bytes. The reading itself is `StrictXMLReader`'s: no DTD, no entity beyond
/// the predefined ones, no attributes, no mixed content.
public struct XMLReader: Sendable {
    public var limits: WBXMLLimits
    /// Skip (never resolve) a `<!DOCTYPE ...>` without internal subset, as libwbxml writes.
    public var allowsDocumentTypeDeclaration: Bool

    public init(limits: WBXMLLimits = .default, allowsDocumentTypeDeclaration: Bool = false) {
        self.limits = limits
        self.allowsDocumentTypeDeclaration = allowsDocumentTypeDeclaration
    }

    public func read(_ bytes: [UInt8]) throws(WBXMLError) -> WBXMLElement {
        var reader = StrictXMLReader(limits: limits)
        reader.allowsDocumentTypeDeclaration = allowsDocumentTypeDeclaration
        return try Self.element(try reader.read(bytes))
    }

    public func read(_ text: String) throws(WBXMLError) -> WBXMLElement {
        try read(Array(text.utf8))
    }

    /// The tag of each element from its namespace and name; OPAQUE content from base64.
    private static func element(_ element: StrictXMLElement) throws(WBXMLError) -> WBXMLElement {
        guard !element.namespace.isEmpty else {
            throw WBXMLError(.unknownTag, at: element.offset, "<\(element.name)> has no namespace")
        }
        let namespace = element.namespace.hasSuffix(":") ? String(element.namespace.dropLast()) : element.namespace
        guard let tag = WBXMLTag(namespace: namespace, name: element.name) else {
            throw WBXMLError(
                .unknownTag, at: element.offset, "<\(element.name)> is not a tag of namespace \(element.namespace)")
        }
        var children: [WBXMLNode] = []
        for child in element.children {
            switch child {
            case .element(let inner): children.append(.element(try Self.element(inner)))
            case .text(let text) where tag.carriesOpaqueContent:
                guard let bytes = Base64.decode(text) else {
                    throw WBXMLError(.invalidContent, at: element.textOffset, "<\(tag)> content is not base64")
                }
                children.append(.opaque(bytes))
            case .text(let text): children.append(.text(text))
            }
        }
        return WBXMLElement(tag, children: children)
    }
}
