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
        return Self.element(try reader.read(bytes))
    }

    private static func element(_ element: StrictXMLElement) -> NamespacedElement {
        let children = element.elements.map(Self.element)
        return NamespacedElement(
            element.namespace, element.name, text: children.isEmpty ? element.text : "", children: children)
    }
}
