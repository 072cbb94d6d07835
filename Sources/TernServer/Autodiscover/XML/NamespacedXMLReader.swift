import WBXML

/// Reads autodiscover's XML with the strict reader every XML Tern takes in goes through
/// (`StrictXMLReader`: no DTD, no entity declared, ever), into namespaced elements.
/// Attributes other than namespace declarations carry nothing autodiscover defines and are
/// read strictly and dropped. Depth and element count are bounded; the caller bounds the
/// byte count before reading.
struct NamespacedXMLReader {
    var limits = WBXMLLimits(maxBytes: 64 << 10, maxDepth: 16, maxElements: 256)

    func read(_ bytes: [UInt8]) throws(WBXMLError) -> NamespacedElement {
        var reader = StrictXMLReader(limits: limits)
        reader.ignoresOtherAttributes = true
        return try reader.read(bytes, into: Builder())
    }

    /// Namespaced elements: text where an element holds no elements.
    private struct Builder: StrictXMLBuilder {
        enum Node {
            case element(NamespacedElement)
            case text(String)
        }

        func name(namespace: String, local: String, at offset: Int) -> (namespace: String, local: String) {
            (namespace, local)
        }

        func element(_ name: (namespace: String, local: String), children: [Node], textOffset: Int)
            -> NamespacedElement
        {
            var element = NamespacedElement(name.namespace, name.local)
            for child in children {
                switch child {
                case .element(let inner): element.children.append(inner)
                case .text(let text): element.text += text
                }
            }
            return element
        }

        func node(_ element: NamespacedElement) -> Node { .element(element) }
        func node(text: String) -> Node { .text(text) }
        func isElement(_ node: Node) -> Bool {
            if case .element = node { return true }
            return false
        }
        func describe(_ name: (namespace: String, local: String)) -> String { name.local }
    }
}
