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
        return try reader.read(bytes, into: TreeBuilder())
    }

    public func read(_ text: String) throws(WBXMLError) -> WBXMLElement {
        try read(Array(text.utf8))
    }

    /// Builds the WBXML tree as the strict reader goes: tags from namespaces and names,
    /// OPAQUE content from base64.
    private struct TreeBuilder: StrictXMLBuilder {
        func name(namespace: String, local: String, at offset: Int) throws(WBXMLError) -> WBXMLTag {
            guard !namespace.isEmpty else { throw WBXMLError(.unknownTag, at: offset, "<\(local)> has no namespace") }
            let page = namespace.hasSuffix(":") ? String(namespace.dropLast()) : namespace
            guard let tag = WBXMLTag(namespace: page, name: local) else {
                throw WBXMLError(.unknownTag, at: offset, "<\(local)> is not a tag of namespace \(namespace)")
            }
            return tag
        }

        func element(_ tag: WBXMLTag, children: [WBXMLNode], textOffset: Int) throws(WBXMLError) -> WBXMLElement {
            guard case .text(let text)? = children.first, tag.carriesOpaqueContent else {
                return WBXMLElement(tag, children: children)
            }
            guard let bytes = Base64.decode(text) else {
                throw WBXMLError(.invalidContent, at: textOffset, "<\(tag)> content is not base64")
            }
            return WBXMLElement(tag, children: [.opaque(bytes)])
        }

        func node(_ element: WBXMLElement) -> WBXMLNode { .element(element) }
        func node(text: String) -> WBXMLNode { .text(text) }
        func isElement(_ node: WBXMLNode) -> Bool { node.isElement }
        func describe(_ tag: WBXMLTag) -> String { tag.description }
    }
}
