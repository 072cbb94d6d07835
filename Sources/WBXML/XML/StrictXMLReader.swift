/// A small, strict XML reader, the one every XML Tern takes in goes through: the EAS XML
/// form (`XMLReader`) and autodiscover requests.
///
/// It reads elements, namespace declarations (default and prefixed), text, CDATA, comments
/// and processing instructions (skipped), in UTF-8. It resolves no DTD and no entity beyond
/// the five predefined ones and numeric character references, ever: a DOCTYPE is refused
/// unless `allowsDocumentTypeDeclaration` is set, and even then only skipped, and an internal
/// subset is always refused. Attributes other than namespace declarations are refused, or
/// with `ignoresOtherAttributes` read strictly and dropped. Whitespace-only text beside child
/// elements is layout and dropped; other text beside them (mixed content) is refused. Depth,
/// element count and size are bounded by `limits`.
package struct StrictXMLReader: Sendable {
    package var limits: WBXMLLimits
    package var allowsDocumentTypeDeclaration = false
    package var ignoresOtherAttributes = false

    package init(limits: WBXMLLimits) {
        self.limits = limits
    }

    /// Reads one document, building its elements with `builder` as each one closes.
    package func read<Builder: StrictXMLBuilder>(_ bytes: [UInt8], into builder: Builder) throws(WBXMLError)
        -> Builder.Element
    {
        guard bytes.count <= limits.maxBytes else {
            throw WBXMLError(.tooLarge, at: limits.maxBytes, "input of \(bytes.count) bytes exceeds \(limits.maxBytes)")
        }
        var parser = StrictXMLParser(bytes: bytes, reader: self, builder: builder)
        return try parser.parseDocument()
    }
}

/// What the strict reader builds a document into: it names each element from its namespace
/// URI ("" for none) and local name when the element opens, and makes the element from its
/// name and content when it closes, so no intermediate tree is built.
package protocol StrictXMLBuilder {
    associatedtype Name
    associatedtype Element
    /// A child of an element: an element or text.
    associatedtype Node

    func name(namespace: String, local: String, at offset: Int) throws(WBXMLError) -> Name
    /// The element of `name` with `children` (text only where it holds no elements);
    /// `textOffset` is where its text started.
    func element(_ name: Name, children: [Node], textOffset: Int) throws(WBXMLError) -> Element
    func node(_ element: Element) -> Node
    func node(text: String) -> Node
    func isElement(_ node: Node) -> Bool
    /// The name in error messages.
    func describe(_ name: Name) -> String
}

/// One open element while parsing: its name as written, namespace scope and content so far.
private struct OpenElement<Name, Node> {
    let qualifiedName: ArraySlice<UInt8>
    let name: Name
    let namespaces: [String: String]
    var children: [Node] = []
    var text: [UInt8] = []
    var textOffset = 0
    var hasElements = false
    /// False once text other than layout whitespace was seen beside child elements.
    var hasOnlyLayoutText = true
}

private struct StrictXMLParser<Builder: StrictXMLBuilder> {
    typealias Open = OpenElement<Builder.Name, Builder.Node>

    let bytes: [UInt8]
    let builder: Builder
    let limits: WBXMLLimits
    let allowsDoctype: Bool
    let ignoresOtherAttributes: Bool
    var offset = 0
    var elementCount = 0

    init(bytes: [UInt8], reader: StrictXMLReader, builder: Builder) {
        self.bytes = bytes
        self.builder = builder
        limits = reader.limits
        allowsDoctype = reader.allowsDocumentTypeDeclaration
        ignoresOtherAttributes = reader.ignoresOtherAttributes
    }

    mutating func parseDocument() throws(WBXMLError) -> Builder.Element {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        try skipMisc(allowingDeclarations: true)
        guard peek("<") else {
            throw WBXMLError(isAtEnd ? .truncated : .malformed, at: offset, "expected the root element")
        }
        let root = try parseElements()
        try skipMisc(allowingDeclarations: false)
        guard isAtEnd else {
            throw WBXMLError(.malformed, at: offset, "content after the root element")
        }
        return root
    }

    // MARK: Prolog and misc

    private mutating func skipMisc(allowingDeclarations: Bool) throws(WBXMLError) {
        while true {
            skipWhitespace()
            if peek("<?") {
                let start = offset
                let isDeclaration = peek("<?xml ") || peek("<?xml?")
                let body = try skip(past: "?>", what: "a processing instruction")
                if isDeclaration {
                    guard allowingDeclarations, start == 0 || start == 3 else {
                        throw WBXMLError(.malformed, at: start, "XML declaration not at the start")
                    }
                    try checkEncoding(body, at: start)
                }
            } else if peek("<!--") {
                _ = try skip(past: "-->", what: "a comment")
            } else if peek("<!DOCTYPE") {
                try skipDoctype(allowed: allowingDeclarations)
            } else {
                return
            }
        }
    }

    private func checkEncoding(_ declaration: ArraySlice<UInt8>, at start: Int) throws(WBXMLError) {
        let text = String(decoding: declaration, as: UTF8.self).lowercased()
        guard let range = text.firstRange(of: "encoding") else { return }
        let rest = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        let name = rest.prefix { $0 != "\"" && $0 != "'" }
        guard name == "utf-8" || name == "utf8" else {
            throw WBXMLError(.unsupported, at: start, "encoding \(name) (only UTF-8)")
        }
    }

    private mutating func skipDoctype(allowed: Bool) throws(WBXMLError) {
        let start = offset
        guard allowsDoctype, allowed else {
            throw WBXMLError(.unsupported, at: start, "document type declaration (DTDs are never processed)")
        }
        var quote: UInt8?
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                throw WBXMLError(.unsupported, at: offset - 1, "DTD internal subset (entities are never declared)")
            } else if byte == UInt8(ascii: ">") {
                return
            }
        }
        throw WBXMLError(.truncated, at: offset, "input ended inside the document type declaration")
    }

    // MARK: Elements

    /// Parses the root element and everything in it, with an explicit stack.
    private mutating func parseElements() throws(WBXMLError) -> Builder.Element {
        var stack: [Open] = []
        while true {
            guard !isAtEnd else {
                throw WBXMLError(
                    .truncated, at: offset, "input ended inside <\(stack.last.map { builder.describe($0.name) } ?? "")>"
                )
            }
            if !stack.isEmpty, !peek("<") {
                try readText(into: &stack[stack.count - 1])
                continue
            }
            if peek("</") {
                guard let open = stack.popLast() else {
                    throw WBXMLError(.malformed, at: offset, "end tag before the root element")
                }
                let element = try closeElement(open)
                if stack.isEmpty { return element }
                stack[stack.count - 1].children.append(builder.node(element))
            } else if peek("<!--") {
                _ = try skip(past: "-->", what: "a comment")
            } else if peek("<![CDATA[") {
                offset += 9
                let start = offset
                let content = try skip(past: "]]>", what: "a CDATA section")
                guard !stack.isEmpty else { throw WBXMLError(.malformed, at: start, "CDATA outside the root") }
                appendText(content, at: start, to: &stack[stack.count - 1])
            } else if peek("<?") {
                _ = try skip(past: "?>", what: "a processing instruction")
            } else if peek("<!") {
                throw WBXMLError(.unsupported, at: offset, "markup declaration inside the document")
            } else {
                if !stack.isEmpty { try flushText(&stack[stack.count - 1]) }
                let element = try openElement(scope: stack.last?.namespaces ?? [:], depth: stack.count)
                if let finished = element.finished {
                    if stack.isEmpty { return finished }
                    stack[stack.count - 1].children.append(builder.node(finished))
                    stack[stack.count - 1].hasElements = true
                } else if let open = element.open {
                    if !stack.isEmpty { stack[stack.count - 1].hasElements = true }
                    stack.append(open)
                }
            }
        }
    }

    /// Either an empty element (`<a/>`) already finished, or an open one.
    private struct OpenedElement {
        var finished: Builder.Element?
        var open: Open?
    }

    private mutating func openElement(scope: [String: String], depth: Int) throws(WBXMLError) -> OpenedElement {
        let start = offset
        offset += 1
        let name = readName()
        guard !name.isEmpty else { throw WBXMLError(.malformed, at: start, "expected an element name after <") }
        elementCount += 1
        guard elementCount <= limits.maxElements else {
            throw WBXMLError(.tooManyElements, at: start, "more than \(limits.maxElements) elements")
        }
        guard depth < limits.maxDepth else {
            throw WBXMLError(.tooDeep, at: start, "elements nest deeper than \(limits.maxDepth)")
        }
        var namespaces = scope
        var attributes: Set<String> = []
        while true {
            skipWhitespace()
            if peek("/>") || peek(">") {
                let (namespace, local) = try resolve(name, namespaces: namespaces, at: start)
                let resolved = try builder.name(namespace: namespace, local: local, at: start)
                if peek("/>") {
                    offset += 2
                    return OpenedElement(finished: try builder.element(resolved, children: [], textOffset: start))
                }
                offset += 1
                return OpenedElement(open: Open(qualifiedName: name, name: resolved, namespaces: namespaces))
            }
            guard !isAtEnd else { throw WBXMLError(.truncated, at: offset, "input ended inside a start tag") }
            let attributeStart = offset
            let attribute = String(decoding: readName(), as: UTF8.self)
            guard !attribute.isEmpty else {
                throw WBXMLError(.malformed, at: attributeStart, "unexpected character in a start tag")
            }
            guard attributes.insert(attribute).inserted else {
                throw WBXMLError(.malformed, at: attributeStart, "attribute \(attribute) given twice")
            }
            let value = try readAttributeValue()
            if attribute == "xmlns" {
                namespaces[""] = value
            } else if attribute.hasPrefix("xmlns:") {
                guard !value.isEmpty else {
                    throw WBXMLError(.malformed, at: attributeStart, "\(attribute) bound to no namespace")
                }
                namespaces[String(attribute.dropFirst(6))] = value
            } else if !ignoresOtherAttributes {
                throw WBXMLError(.unsupported, at: attributeStart, "attribute \(attribute) (the vocabulary has none)")
            }
        }
    }

    /// The namespace URI and local name of a qualified name; "" for no namespace.
    private func resolve(_ name: ArraySlice<UInt8>, namespaces: [String: String], at start: Int) throws(WBXMLError)
        -> (namespace: String, local: String)
    {
        let colon = name.firstIndex(of: UInt8(ascii: ":"))
        let prefix = colon.map { String(decoding: name[..<$0], as: UTF8.self) } ?? ""
        let local = String(decoding: colon.map { name[($0 + 1)...] } ?? name, as: UTF8.self)
        guard let uri = namespaces[prefix] ?? (prefix.isEmpty ? "" : nil) else {
            throw WBXMLError(.unknownTag, at: start, "undeclared namespace prefix \(prefix)")
        }
        return (uri, local)
    }

    private mutating func closeElement(_ element: Open) throws(WBXMLError) -> Builder.Element {
        let start = offset
        offset += 2
        let name = readName()
        skipWhitespace()
        guard peek(">") else {
            throw WBXMLError(
                isAtEnd ? .truncated : .malformed, at: offset,
                "expected > to end </\(String(decoding: name, as: UTF8.self))")
        }
        offset += 1
        guard name.elementsEqual(element.qualifiedName) else {
            throw WBXMLError(
                .malformed, at: start,
                "</\(String(decoding: name, as: UTF8.self))> closes <\(String(decoding: element.qualifiedName, as: UTF8.self))>"
            )
        }
        var element = element
        try flushText(&element)
        var children = element.children
        if element.hasElements {
            children.removeAll { !builder.isElement($0) }
            guard element.hasOnlyLayoutText else {
                throw WBXMLError(
                    .malformed, at: element.textOffset,
                    "text beside child elements in <\(builder.describe(element.name))> (no mixed content is read)")
            }
        }
        return try builder.element(element.name, children: children, textOffset: element.textOffset)
    }

    // MARK: Text

    private mutating func readText(into element: inout Open) throws(WBXMLError) {
        if element.text.isEmpty { element.textOffset = offset }
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "<") {
            let runEnd =
                bytes[offset...].firstIndex { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 == 0x0D }
                ?? bytes.count
            element.text.append(contentsOf: bytes[offset..<runEnd])
            offset = runEnd
            guard offset < bytes.count else { return }
            if bytes[offset] == UInt8(ascii: "&") {
                try readReference(into: &element.text)
            } else if bytes[offset] == 0x0D {
                element.text.append(0x0A)
                offset += 1
                if offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
            }
        }
    }

    private func appendText(_ content: ArraySlice<UInt8>, at start: Int, to element: inout Open) {
        if element.text.isEmpty { element.textOffset = start }
        element.text.append(contentsOf: content)
    }

    /// Turns the pending text of an element into one text node.
    private func flushText(_ element: inout Open) throws(WBXMLError) {
        guard !element.text.isEmpty else { return }
        guard !element.text.contains(0) else {
            throw WBXMLError(
                .invalidContent, at: element.textOffset,
                "text in <\(builder.describe(element.name))> holds a NUL character")
        }
        if element.text.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            element.hasOnlyLayoutText = false
        }
        guard let text = String(strictUTF8: element.text[...]) else {
            throw WBXMLError(
                .invalidContent, at: element.textOffset,
                "text in <\(builder.describe(element.name))> is not valid UTF-8")
        }
        element.children.append(builder.node(text: text))
        element.text = []
    }

    private mutating func readReference(into output: inout [UInt8]) throws(WBXMLError) {
        let start = offset
        guard let end = bytes[offset...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw WBXMLError(.malformed, at: start, "& not followed by a reference ending in ;")
        }
        let name = String(decoding: bytes[(offset + 1)..<end], as: UTF8.self)
        offset = end + 1
        let scalarValue: UInt32?
        switch name {
        case "amp": scalarValue = 0x26
        case "lt": scalarValue = 0x3C
        case "gt": scalarValue = 0x3E
        case "quot": scalarValue = 0x22
        case "apos": scalarValue = 0x27
        case _ where name.hasPrefix("#x"): scalarValue = UInt32(name.dropFirst(2), radix: 16)
        case _ where name.hasPrefix("#"): scalarValue = UInt32(name.dropFirst(), radix: 10)
        default:
            throw WBXMLError(
                .unsupported, at: start, "entity &\(name); (only the five predefined entities exist without a DTD)")
        }
        guard let value = scalarValue, value != 0, let scalar = Unicode.Scalar(value) else {
            throw WBXMLError(.invalidContent, at: start, "&\(name); is not a valid character reference")
        }
        output.append(contentsOf: String(Character(scalar)).utf8)
    }

    private mutating func readAttributeValue() throws(WBXMLError) -> String {
        skipWhitespace()
        guard peek("=") else { throw WBXMLError(.malformed, at: offset, "expected = after an attribute name") }
        offset += 1
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else {
            throw WBXMLError(isAtEnd ? .truncated : .malformed, at: offset, "expected a quoted attribute value")
        }
        let quote = bytes[offset]
        offset += 1
        var value: [UInt8] = []
        while true {
            guard offset < bytes.count else {
                throw WBXMLError(.truncated, at: offset, "input ended inside an attribute value")
            }
            let byte = bytes[offset]
            if byte == quote { break }
            if byte == UInt8(ascii: "<") { throw WBXMLError(.malformed, at: offset, "< inside an attribute value") }
            if byte == UInt8(ascii: "&") {
                try readReference(into: &value)
            } else {
                value.append(byte)
                offset += 1
            }
        }
        offset += 1
        guard let text = String(strictUTF8: value[...]) else {
            throw WBXMLError(.invalidContent, at: offset, "attribute value is not valid UTF-8")
        }
        return text
    }

    // MARK: Scanning

    private var isAtEnd: Bool { offset >= bytes.count }

    private func peek(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for index in 0..<count where bytes[offset + index] != buffer[index] { return false }
            return true
        }
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    /// An XML name: everything up to whitespace, `/`, `>`, `=` or `<`.
    private mutating func readName() -> ArraySlice<UInt8> {
        let start = offset
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "<"):
                return bytes[start..<offset]
            default:
                offset += 1
            }
        }
        return bytes[start..<offset]
    }

    /// Skips to just past `terminator`, returning what came before it.
    private mutating func skip(past terminator: StaticString, what: String) throws(WBXMLError) -> ArraySlice<UInt8> {
        let start = offset
        while offset < bytes.count {
            if peek(terminator) {
                let content = bytes[start..<offset]
                offset += terminator.utf8CodeUnitCount
                return content
            }
            offset += 1
        }
        throw WBXMLError(.truncated, at: start, "input ended inside \(what)")
    }
}
