/// Writes a WBXML element tree as the XML form of EAS.
///
/// The root's namespace is the default namespace; every other namespace in use is declared
/// on the root with its lowercased name as prefix, in order of first use. Two spaces indent
/// each level; an element with text stays on one line; OPAQUE content is written as base64.
///
/// ```xml
/// <?xml version="1.0" encoding="utf-8"?>
/// <FolderSync xmlns="FolderHierarchy:">
///   <SyncKey>0</SyncKey>
/// </FolderSync>
/// ```
public struct XMLWriter: Sendable {
    /// Whether to indent and break lines (true) or write everything on one line.
    public var indents: Bool

    public init(indents: Bool = true) {
        self.indents = indents
    }

    public func write(_ root: WBXMLElement) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        output += "<?xml version=\"1.0\" encoding=\"utf-8\"?>".utf8
        if indents { output.append(UInt8(ascii: "\n")) }
        let rootPage = root.tag.page
        var declared: [UInt8] = []
        collectPages(root, into: &declared)
        output += "<".utf8
        output += root.tag.name.utf8
        output += " xmlns=\"".utf8
        output += root.tag.namespace.utf8
        output += ":\"".utf8
        for page in declared where page != rootPage {
            let namespace = CodePage.all[Int(page)].namespace
            output += " xmlns:".utf8
            output += XMLWriter.prefix(namespace).utf8
            output += "=\"".utf8
            output += namespace.utf8
            output += ":\"".utf8
        }
        writeContent(of: root, rootPage: rootPage, depth: 0, into: &output)
        if indents { output.append(UInt8(ascii: "\n")) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The prefix for a namespace in our XML form: its name lowercased.
    static func prefix(_ namespace: String) -> String { namespace.lowercased() }

    private func collectPages(_ element: WBXMLElement, into pages: inout [UInt8]) {
        if !pages.contains(element.tag.page) { pages.append(element.tag.page) }
        for case .element(let child) in element.children { collectPages(child, into: &pages) }
    }

    private func appendQualifiedName(_ tag: WBXMLTag, rootPage: UInt8, into output: inout [UInt8]) {
        if tag.page != rootPage {
            output += XMLWriter.prefix(tag.namespace).utf8
            output.append(UInt8(ascii: ":"))
        }
        output += tag.name.utf8
    }

    private func write(_ element: WBXMLElement, rootPage: UInt8, depth: Int, into output: inout [UInt8]) {
        newline(depth: depth, into: &output)
        output.append(UInt8(ascii: "<"))
        appendQualifiedName(element.tag, rootPage: rootPage, into: &output)
        writeContent(of: element, rootPage: rootPage, depth: depth, into: &output)
    }

    /// Writes from just after the element's name (attributes already written) to its end tag.
    private func writeContent(of element: WBXMLElement, rootPage: UInt8, depth: Int, into output: inout [UInt8]) {
        guard !element.children.isEmpty else {
            output += "/>".utf8
            return
        }
        output.append(UInt8(ascii: ">"))
        var hasChildElements = false
        for node in element.children {
            switch node {
            case .element(let child):
                hasChildElements = true
                write(child, rootPage: rootPage, depth: depth + 1, into: &output)
            case .text(let text):
                XMLWriter.escape(text, into: &output)
            case .opaque(let bytes):
                output += Base64.encode(bytes).utf8
            }
        }
        if hasChildElements { newline(depth: depth, into: &output) }
        output += "</".utf8
        appendQualifiedName(element.tag, rootPage: rootPage, into: &output)
        output.append(UInt8(ascii: ">"))
    }

    private func newline(depth: Int, into output: inout [UInt8]) {
        guard indents else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// Escapes `&`, `<`, `>`, and writes CR and other control characters as character
    /// references so that an XML reader's line-end normalisation cannot change them.
    static func escape(_ text: String, into output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += "&amp;".utf8
            case UInt8(ascii: "<"): output += "&lt;".utf8
            case UInt8(ascii: ">"): output += "&gt;".utf8
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"): output.append(byte)
            case 0..<0x20, 0x7F:
                output += "&#".utf8
                output += String(byte).utf8
                output.append(UInt8(ascii: ";"))
            default: output.append(byte)
            }
        }
    }
}
