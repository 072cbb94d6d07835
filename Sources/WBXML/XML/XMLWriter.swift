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
        var output = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        output += indents ? "\n" : ""
        let rootPage = root.tag.page
        var declared: [UInt8] = []
        collectPages(root, into: &declared)
        output += "<" + root.tag.name + " xmlns=\"" + root.tag.namespace + ":\""
        for page in declared where page != rootPage {
            let namespace = CodePage.all[Int(page)].namespace
            output += " xmlns:" + XMLWriter.prefix(namespace) + "=\"" + namespace + ":\""
        }
        writeContent(of: root, rootPage: rootPage, depth: 0, into: &output)
        output += indents ? "\n" : ""
        return output
    }

    /// The prefix for a namespace in our XML form: its name lowercased.
    static func prefix(_ namespace: String) -> String { namespace.lowercased() }

    private func collectPages(_ element: WBXMLElement, into pages: inout [UInt8]) {
        if !pages.contains(element.tag.page) { pages.append(element.tag.page) }
        for child in element.elements { collectPages(child, into: &pages) }
    }

    private func qualifiedName(_ tag: WBXMLTag, rootPage: UInt8) -> String {
        tag.page == rootPage ? tag.name : XMLWriter.prefix(tag.namespace) + ":" + tag.name
    }

    private func write(_ element: WBXMLElement, rootPage: UInt8, depth: Int, into output: inout String) {
        newline(depth: depth, into: &output)
        output += "<" + qualifiedName(element.tag, rootPage: rootPage)
        writeContent(of: element, rootPage: rootPage, depth: depth, into: &output)
    }

    /// Writes from just after the element's name (attributes already written) to its end tag.
    private func writeContent(of element: WBXMLElement, rootPage: UInt8, depth: Int, into output: inout String) {
        guard !element.children.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        var hasChildElements = false
        for node in element.children {
            switch node {
            case .element(let child):
                hasChildElements = true
                write(child, rootPage: rootPage, depth: depth + 1, into: &output)
            case .text(let text):
                XMLWriter.escape(text, into: &output)
            case .opaque(let bytes):
                output += Base64.encode(bytes)
            }
        }
        if hasChildElements { newline(depth: depth, into: &output) }
        output += "</" + qualifiedName(element.tag, rootPage: rootPage) + ">"
    }

    private func newline(depth: Int, into output: inout String) {
        guard indents else { return }
        output += "\n"
        output += String(repeating: "  ", count: depth)
    }

    /// Escapes `&`, `<`, `>`, and writes CR and other control characters as character
    /// references so that an XML reader's line-end normalisation cannot change them.
    static func escape(_ text: String, into output: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\n", "\t": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                output += "&#" + String(scalar.value) + ";"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
