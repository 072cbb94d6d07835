import ActiveSync
import Foundation
import TernStore
import WBXML

@testable import TernSync

/// A UTC date from its compact EAS form, for fixtures.
func date(_ compact: String) -> Date {
    guard let date = EASDate.parse(compact) else { preconditionFailure("bad fixture date \(compact)") }
    return date
}

func options(_ version: ProtocolVersion, _ preferences: BodyPreference...) -> ItemEncodingOptions {
    ItemEncodingOptions(protocolVersion: version, bodyPreferences: preferences)
}

/// The element as our XML form on one line, as it reads inside `<ApplicationData>`: with
/// namespace prefixes and without declarations.
func xml(_ element: WBXMLElement) -> String {
    let document = XMLWriter(indents: false).write(applicationData([element]))
    let content = document.split(separator: ">", maxSplits: 2)[2]
    return String(content.dropLast("</ApplicationData>".count))
}

/// The tags of an element's children, `Namespace:Name`, in order.
func tags(_ element: WBXMLElement?) -> [String] {
    element?.elements.map(\.tag.description) ?? []
}

func element(_ namespace: String, _ name: String, _ text: String) -> WBXMLElement {
    WBXMLElement(WBXMLTag(namespace, name), text: text)
}

func element(_ namespace: String, _ name: String, _ children: [WBXMLElement]) -> WBXMLElement {
    WBXMLElement(WBXMLTag(namespace, name), elements: children)
}

func applicationData(_ children: [WBXMLElement]) -> WBXMLElement {
    element("AirSync", "ApplicationData", children)
}

/// Decode with the common defaults.
func decode(
    _ data: WBXMLElement, as itemClass: ItemClass, replacing existing: ItemContent? = nil,
    supported: Set<String>? = nil, version: ProtocolVersion = .v16_1
) throws(ApplicationDataError) -> ItemContent {
    try ApplicationDataMapping.decode(
        try ApplicationData(data, as: itemClass), replacing: existing, supported: supported, protocolVersion: version)
}

/// An item's `<airsync:ApplicationData>` as the options' version writes it.
func encodeElement(_ content: ItemContent, serverID: String, options: ItemEncodingOptions) -> WBXMLElement {
    ApplicationDataMapping.encode(content, serverID: serverID, options: options).element(
        version: options.protocolVersion)
}

extension WBXMLElement {
    /// The first child `Namespace:Name`.
    func child(_ namespace: String, _ name: String) -> WBXMLElement? {
        firstElement(WBXMLTag(namespace, name))
    }

    func has(_ namespace: String, _ name: String) -> Bool {
        child(namespace, name) != nil
    }
}
