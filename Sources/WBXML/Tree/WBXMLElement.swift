/// One element of a WBXML document: a tag and its content, in order.
///
/// EAS elements hold either child elements, or text and opaque bytes, or nothing
/// (`<Supported/>`), never text beside elements: both readers refuse mixed content. The tree
/// keeps each STR_I and OPAQUE as its own node so that re-encoding gives the same bytes.
public struct WBXMLElement: Hashable, Sendable {
    public var tag: WBXMLTag
    public var children: [WBXMLNode]

    public init(_ tag: WBXMLTag, children: [WBXMLNode] = []) {
        self.tag = tag
        self.children = children
    }

    /// An element holding one text node.
    public init(_ tag: WBXMLTag, text: String) {
        self.init(tag, children: [.text(text)])
    }

    /// An element holding child elements.
    public init(_ tag: WBXMLTag, elements: [WBXMLElement]) {
        self.init(tag, children: elements.map(WBXMLNode.element))
    }

    /// The child elements, skipping text and opaque nodes.
    public var elements: [WBXMLElement] {
        children.compactMap { node in
            if case .element(let element) = node { return element }
            return nil
        }
    }

    /// The text content (all text nodes joined), or nil when the element holds no text.
    /// Appended in place: an element of millions of small text nodes costs linear time.
    public var text: String? {
        var result: String?
        for case .text(let text) in children {
            if result == nil { result = text } else { result?.append(text) }
        }
        return result
    }

    /// The content as bytes: opaque data as is, text as UTF-8, nil when there is neither.
    /// Appended in place, as `text` is.
    public var contentBytes: [UInt8]? {
        var result: [UInt8]?
        for node in children {
            switch node {
            case .text(let text):
                if result == nil { result = [] }
                result?.append(contentsOf: text.utf8)
            case .opaque(let bytes):
                if result == nil { result = [] }
                result?.append(contentsOf: bytes)
            case .element: continue
            }
        }
        return result
    }

    /// The first child element with `tag`.
    public func firstElement(_ tag: WBXMLTag) -> WBXMLElement? {
        elements.first { $0.tag == tag }
    }
}

/// A piece of element content.
public enum WBXMLNode: Hashable, Sendable {
    case element(WBXMLElement)
    /// Inline text (STR_I, or STR_T / ENTITY resolved).
    case text(String)
    /// OPAQUE bytes, e.g. `Email2:ConversationId`.
    case opaque([UInt8])

    var isElement: Bool {
        if case .element = self { return true }
        return false
    }
}

/// A decoded WBXML document: the header fields and the root element.
public struct WBXMLDocument: Hashable, Sendable {
    /// WBXML version byte; 0x03 is WBXML 1.3, the version EAS uses.
    public var version: UInt8
    /// The document's public identifier (MS-ASWBXML: 0x01, unknown).
    public var publicIdentifier: PublicIdentifier
    public var root: WBXMLElement

    public init(root: WBXMLElement, version: UInt8 = 0x03, publicIdentifier: PublicIdentifier = .known(1)) {
        self.version = version
        self.publicIdentifier = publicIdentifier
        self.root = root
    }

    /// A public identifier: a well-known number, or a literal string from the string table.
    public enum PublicIdentifier: Hashable, Sendable {
        case known(UInt32)
        case literal(String)
    }
}
