/// Encodes a `WBXMLDocument` as WBXML 1.3, the way EAS devices and servers send it.
///
/// Output choices match what real devices send (and libwbxml with `-a -n`): header
/// `03 01 6A 00`, SWITCH_PAGE only where the page changes, the content flag only on
/// elements with content, text as STR_I, opaque nodes as OPAQUE. A decoded document
/// re-encodes to the same bytes.
public struct WBXMLEncoder: Sendable {
    public init() {}

    /// The document's bytes. Throws only for text holding a NUL, which STR_I cannot carry.
    public func encode(_ document: WBXMLDocument) throws(WBXMLError) -> [UInt8] {
        var output = BodyEncoder()
        output.bytes.reserveCapacity(256)
        output.bytes.append(document.version)
        switch document.publicIdentifier {
        case .known(let number):
            output.appendMultiByteInteger(number)
            output.appendHeaderCharsetAndTable([])
        case .literal(let text):
            output.bytes.append(0)
            output.appendMultiByteInteger(0)
            output.appendHeaderCharsetAndTable(Array(text.utf8) + [0])
        }
        try output.append(document.root)
        return output.bytes
    }

    /// Encodes a bare element as a document with the default header.
    public func encode(_ root: WBXMLElement) throws(WBXMLError) -> [UInt8] {
        try encode(WBXMLDocument(root: root))
    }
}

private struct BodyEncoder {
    var bytes: [UInt8] = []
    private var page: UInt8 = 0

    mutating func appendHeaderCharsetAndTable(_ table: [UInt8]) {
        appendMultiByteInteger(WBXMLGlobalToken.utf8Charset)
        appendMultiByteInteger(UInt32(table.count))
        bytes.append(contentsOf: table)
    }

    mutating func appendMultiByteInteger(_ value: UInt32) {
        var groups: [UInt8] = [UInt8(value & 0x7F)]
        var rest = value >> 7
        while rest != 0 {
            groups.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(contentsOf: groups.reversed())
    }

    mutating func append(_ element: WBXMLElement) throws(WBXMLError) {
        if element.tag.page != page {
            page = element.tag.page
            bytes.append(WBXMLGlobalToken.switchPage)
            bytes.append(page)
        }
        guard !element.children.isEmpty else {
            bytes.append(element.tag.token)
            return
        }
        bytes.append(element.tag.token | WBXMLGlobalToken.contentFlag)
        for node in element.children {
            switch node {
            case .element(let child):
                try append(child)
            case .text(let text):
                let start = bytes.count
                bytes.append(WBXMLGlobalToken.stringInline)
                bytes.append(contentsOf: text.utf8)
                guard bytes.firstNUL(from: start + 1) == nil else {
                    throw WBXMLError(
                        .invalidContent, at: start, "text in <\(element.tag)> holds a NUL, which STR_I cannot carry")
                }
                bytes.append(0)
            case .opaque(let data):
                bytes.append(WBXMLGlobalToken.opaque)
                appendMultiByteInteger(UInt32(data.count))
                bytes.append(contentsOf: data)
            }
        }
        bytes.append(WBXMLGlobalToken.end)
    }
}
