import Foundation
import WBXML

/// The children of an element being written, in order; optional values that are nil are
/// left out, so each codec reads as the list of elements it may send.
struct ElementList {
    private(set) var elements: [WBXMLElement] = []

    mutating func append(_ element: WBXMLElement?) {
        if let element { elements.append(element) }
    }

    mutating func append(_ tag: WBXMLTag, _ text: String?) {
        guard let text else { return }
        elements.append(WBXMLElement(tag, text: text))
    }

    mutating func append(_ tag: WBXMLTag, _ number: Int?) {
        append(tag, number.map(String.init))
    }

    /// Booleans travel as `0` and `1` (MS-ASDTYPE 2.1).
    mutating func append(_ tag: WBXMLTag, _ flag: Bool?) {
        append(tag, flag.map { $0 ? "1" : "0" })
    }

    mutating func append(_ tag: WBXMLTag, _ date: Date?, _ style: EASDate.Style) {
        append(tag, date.map { EASDate.format($0, style) })
    }

    /// Bytes as OPAQUE content (base64 in the XML form).
    mutating func append(_ tag: WBXMLTag, opaque bytes: [UInt8]?) {
        guard let bytes else { return }
        elements.append(WBXMLElement(tag, children: [.opaque(bytes)]))
    }

    /// A container of one repeated child, `<Categories><Category>a</Category></Categories>`,
    /// left out when nil; written even when empty, as MS-ASEMAIL 2.2.2.16 asks for Categories.
    mutating func append(_ container: WBXMLTag, _ child: WBXMLTag, _ values: [String]?) {
        guard let values else { return }
        elements.append(WBXMLElement(container, elements: values.map { WBXMLElement(child, text: $0) }))
    }

    func element(_ tag: WBXMLTag) -> WBXMLElement {
        WBXMLElement(tag, elements: elements)
    }
}
