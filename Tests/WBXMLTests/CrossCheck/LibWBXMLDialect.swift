import Foundation

@testable import WBXML

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Our tree in libwbxml's XML spelling and back, so that libwbxml's tools can be the oracle.
///
/// libwbxml names some tags the way older specification revisions did (`Recurrence_Type`),
/// spells page 16 `Gal:`, and needs its DOCTYPE to pick the ActiveSync tables. Reading goes
/// through Foundation's XMLParser (libxml2), not our XMLReader, so the oracle side shares no
/// code with what it checks.
enum LibWBXMLDialect {
    private static let namespaceToLibwbxml = libwbxmlNamespaceNames
    private static let namespaceFromLibwbxml = Dictionary(uniqueKeysWithValues: libwbxmlNamespaceNames.map { ($1, $0) })
    private static let nameFromLibwbxml: [String: [String: String]] = libwbxmlTagNames.mapValues { names in
        Dictionary(uniqueKeysWithValues: names.map { ($1, $0) })
    }

    /// The document as libwbxml's `xml2wbxml` wants it: DOCTYPE, a default namespace on each
    /// element whose namespace differs from its parent's, libwbxml's tag names.
    static func xml(_ root: WBXMLElement) -> String {
        var output = """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/">

            """
        write(root, parentNamespace: nil, into: &output)
        return output
    }

    private static func write(_ element: WBXMLElement, parentNamespace: String?, into output: inout String) {
        let namespace = element.tag.namespace
        let name = libwbxmlTagNames[namespace]?[element.tag.name] ?? element.tag.name
        output += "<" + name
        if namespace != parentNamespace {
            output += " xmlns=\"" + (namespaceToLibwbxml[namespace] ?? namespace) + ":\""
        }
        guard !element.children.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        for node in element.children {
            switch node {
            case .element(let child): write(child, parentNamespace: namespace, into: &output)
            case .text(let text):
                var escaped: [UInt8] = []
                XMLWriter.escape(text, into: &escaped)
                output += String(decoding: escaped, as: UTF8.self)
            case .opaque(let bytes): output += Base64.encode(bytes)
            }
        }
        output += "</" + name + ">"
    }

    /// Reads what `wbxml2xml -l ACTIVESYNC` writes into our tree.
    static func tree(_ data: Data) throws -> WBXMLElement {
        let delegate = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw delegate.failure ?? parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
        return root
    }

    struct UnknownTag: Error, CustomStringConvertible {
        let namespace: String, name: String
        var description: String { "libwbxml wrote <\(name)> in \(namespace), which has no tag in our tables" }
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [(element: WBXMLElement, text: String, hasElements: Bool)] = []
        var root: WBXMLElement?
        var failure: (any Error)?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let uri = namespaceURI.map { $0.hasSuffix(":") ? String($0.dropLast()) : $0 } ?? ""
            let namespace = namespaceFromLibwbxml[uri] ?? uri
            let name = nameFromLibwbxml[namespace]?[elementName] ?? elementName
            guard let tag = WBXMLTag(namespace: namespace, name: name) else {
                failure = UnknownTag(namespace: namespace, name: elementName)
                parser.abortParsing()
                return
            }
            if !stack.isEmpty { stack[stack.count - 1].hasElements = true }
            stack.append((WBXMLElement(tag), "", false))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            var (element, text, hasElements) = stack.removeLast()
            if !hasElements, !text.isEmpty {
                if element.tag.carriesOpaqueContent, let bytes = Base64.decode(text) {
                    element.children = [.opaque(bytes)]
                } else {
                    element.children = [.text(text)]
                }
            }
            if stack.isEmpty {
                root = element
            } else {
                stack[stack.count - 1].element.children.append(.element(element))
            }
        }
    }
}
