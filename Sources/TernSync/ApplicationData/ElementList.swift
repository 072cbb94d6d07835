import ActiveSync
import Foundation
import WBXML

/// The children of an element being written, in order; optional values that are nil are
/// left out, so each codec reads as the list of elements it may send.
struct ElementList {
    private(set) var elements: [WBXMLElement] = []

    mutating func append(_ element: WBXMLElement?) {
        if let element { elements.append(element) }
    }

    mutating func append(_ namespace: String, _ name: String, _ text: String?) {
        guard let text else { return }
        elements.append(WBXMLElement(WBXMLTag(namespace, name), text: text))
    }

    mutating func append(_ namespace: String, _ name: String, _ number: Int?) {
        append(namespace, name, number.map(String.init))
    }

    /// Booleans travel as `0` and `1` (MS-ASDTYPE 2.1).
    mutating func append(_ namespace: String, _ name: String, _ flag: Bool?) {
        append(namespace, name, flag.map { $0 ? "1" : "0" })
    }

    mutating func append(_ namespace: String, _ name: String, _ date: Date?, _ style: EASDate.Style) {
        append(namespace, name, date.map { EASDate.format($0, style) })
    }

    /// A container of one repeated child, `<Categories><Category>a</Category></Categories>`;
    /// written even when empty, as MS-ASEMAIL 2.2.2.16 asks for Categories.
    mutating func append(_ namespace: String, _ container: String, _ child: String, _ values: [String]) {
        elements.append(
            WBXMLElement(
                WBXMLTag(namespace, container),
                elements: values.map { WBXMLElement(WBXMLTag(namespace, child), text: $0) }))
    }

    func element(_ namespace: String, _ name: String) -> WBXMLElement {
        WBXMLElement(WBXMLTag(namespace, name), elements: elements)
    }
}
