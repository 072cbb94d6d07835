import Foundation
import TernTesting

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An element as Foundation's own XML parser (libxml2) reads it, with namespaces resolved:
/// an oracle that shares no code with the server's writer.
struct ParsedXML: Equatable, CustomStringConvertible {
    var namespace: String
    var name: String
    var text: String = ""
    var children: [ParsedXML] = []

    init(_ namespace: String, _ name: String, text: String = "", children: [ParsedXML] = []) {
        self.namespace = namespace
        self.name = name
        self.text = text
        self.children = children
    }

    static func parse(_ bytes: [UInt8]) -> ParsedXML? {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse() else { return nil }
        return builder.root
    }

    var description: String {
        "<\(name) ns=\(namespace)>" + (children.isEmpty ? text : children.map(\.description).joined()) + "</\(name)>"
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [ParsedXML] = []
        var root: ParsedXML?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            stack.append(ParsedXML(namespaceURI ?? "", elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            guard var element = stack.popLast() else { return }
            if !element.children.isEmpty { element.text = "" }
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }
    }
}
