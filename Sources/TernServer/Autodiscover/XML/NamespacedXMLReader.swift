/// A small strict reader for autodiscover's XML: elements, namespace declarations (default
/// and prefixed), text, CDATA and comments, in UTF-8.
///
/// No DTD is read and no entity declared, ever: `<!DOCTYPE`, any other `<!` declaration and
/// processing instructions are refused, and only the five predefined entities and numeric
/// character references are understood. Attributes other than namespace declarations carry
/// nothing autodiscover defines and are read (strictly) and dropped. Depth and element count
/// are bounded; the caller bounds the byte count before reading.
struct NamespacedXMLReader {
    /// Why a document was refused, with the byte offset where reading stopped.
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    var maxDepth = 16
    var maxElements = 256

    func read(_ bytes: [UInt8]) throws(Failure) -> NamespacedElement {
        var cursor = Cursor(bytes: bytes, limits: self)
        return try cursor.document()
    }
}

/// The reading position in one document, and how many elements were opened so far.
private struct Cursor {
    let bytes: [UInt8]
    let limits: NamespacedXMLReader
    var position = 0
    var elementCount = 0

    mutating func document() throws(NamespacedXMLReader.Failure) -> NamespacedElement {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        if looking(at: "<?xml ") { try declaration() }
        try skipMiscellany()
        guard looking(at: "<") else { throw fail("expected the root element") }
        let root = try element(scope: [:], depth: 0)
        try skipMiscellany()
        guard position == bytes.count else { throw fail("content after the root element") }
        return root
    }

    // MARK: Prolog

    private mutating func declaration() throws(NamespacedXMLReader.Failure) {
        let body = String(decoding: try until("?>"), as: UTF8.self).lowercased()
        if let range = body.firstRange(of: "encoding") {
            let value = body[range.upperBound...].drop { " =\"'".contains($0) }.prefix { !"\"'".contains($0) }
            guard value == "utf-8" || value == "utf8" else { throw fail("encoding \(value) (only UTF-8 is read)") }
        }
    }

    /// Whitespace and comments; anything else starting with `<!` or `<?` is refused.
    private mutating func skipMiscellany() throws(NamespacedXMLReader.Failure) {
        while true {
            skipWhitespace()
            if looking(at: "<!--") {
                _ = try until("-->")
            } else if looking(at: "<!") || looking(at: "<?") {
                throw fail("declarations and processing instructions are refused (no DTD is ever read)")
            } else {
                return
            }
        }
    }

    // MARK: Elements

    private mutating func element(scope: [String: String], depth: Int) throws(NamespacedXMLReader.Failure)
        -> NamespacedElement
    {
        guard depth < limits.maxDepth else { throw fail("elements nest deeper than \(limits.maxDepth)") }
        elementCount += 1
        guard elementCount <= limits.maxElements else { throw fail("more than \(limits.maxElements) elements") }
        position += 1
        let qualifiedName = name()
        guard !qualifiedName.isEmpty else { throw fail("expected an element name") }
        var scope = scope
        var declared: Set<String> = []
        while true {
            skipWhitespace()
            if looking(at: "/>") || looking(at: ">") { break }
            let attribute = name()
            guard !attribute.isEmpty else { throw fail("unexpected character in a start tag") }
            guard declared.insert(attribute).inserted else { throw fail("attribute \(attribute) given twice") }
            let value = try attributeValue()
            if attribute == "xmlns" {
                scope[""] = value
            } else if attribute.hasPrefix("xmlns:") {
                guard !value.isEmpty else { throw fail("prefix \(attribute.dropFirst(6)) bound to no namespace") }
                scope[String(attribute.dropFirst(6))] = value
            }
        }
        let (prefix, local) = split(qualifiedName)
        guard let namespace = scope[prefix] ?? (prefix.isEmpty ? "" : nil) else {
            throw fail("undeclared namespace prefix \(prefix)")
        }
        var element = NamespacedElement(namespace, local)
        if looking(at: "/>") {
            position += 2
            return element
        }
        position += 1
        var text: [UInt8] = []
        while !looking(at: "</") {
            guard position < bytes.count else { throw fail("input ended inside <\(qualifiedName)>") }
            if looking(at: "<!--") {
                _ = try until("-->")
            } else if looking(at: "<![CDATA[") {
                position += 9
                text += try until("]]>")
            } else if looking(at: "<!") || looking(at: "<?") {
                throw fail("declarations and processing instructions are refused")
            } else if looking(at: "<") {
                element.children.append(try self.element(scope: scope, depth: depth + 1))
            } else if looking(at: "&") {
                text += try reference()
            } else {
                text.append(try character())
            }
        }
        position += 2
        guard name() == qualifiedName else { throw fail("end tag does not close <\(qualifiedName)>") }
        skipWhitespace()
        guard looking(at: ">") else { throw fail("expected > after </\(qualifiedName)") }
        position += 1
        guard let decoded = String(validating: text, as: UTF8.self) else { throw fail("text is not UTF-8") }
        if element.children.isEmpty {
            element.text = decoded
        } else if decoded.contains(where: { !$0.isWhitespace }) {
            throw fail("text beside child elements in <\(qualifiedName)>")
        }
        return element
    }

    private func split(_ qualifiedName: String) -> (prefix: String, local: String) {
        guard let colon = qualifiedName.firstIndex(of: ":") else { return ("", qualifiedName) }
        return (String(qualifiedName[..<colon]), String(qualifiedName[qualifiedName.index(after: colon)...]))
    }

    private mutating func attributeValue() throws(NamespacedXMLReader.Failure) -> String {
        skipWhitespace()
        guard looking(at: "=") else { throw fail("expected = after an attribute name") }
        position += 1
        skipWhitespace()
        guard position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27 else {
            throw fail("expected a quoted attribute value")
        }
        let quote = bytes[position]
        position += 1
        var value: [UInt8] = []
        while position < bytes.count, bytes[position] != quote {
            if looking(at: "<") { throw fail("< inside an attribute value") }
            value += looking(at: "&") ? try reference() : [try character()]
        }
        guard position < bytes.count else { throw fail("input ended inside an attribute value") }
        position += 1
        guard let decoded = String(validating: value, as: UTF8.self) else { throw fail("attribute value is not UTF-8") }
        return decoded
    }

    // MARK: Characters

    /// `&amp;` and the other predefined entities, `&#65;`, `&#x41;`; any other name is refused.
    private mutating func reference() throws(NamespacedXMLReader.Failure) -> [UInt8] {
        let start = position
        guard let end = bytes[position...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw fail("& does not start a reference")
        }
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        position = end + 1
        let predefined: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        var scalar = predefined[name]
        if scalar == nil, name.hasPrefix("#x") {
            scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if scalar == nil, name.hasPrefix("#") {
            scalar = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
        }
        guard let scalar, scalar.value >= 0x20 || [0x09, 0x0A, 0x0D].contains(scalar.value) else {
            position = start
            throw fail("&\(name); is not a predefined entity or a character reference (no entity is ever declared)")
        }
        return Array(String(Character(scalar)).utf8)
    }

    /// One byte of character data; control characters other than tab and line ends are refused.
    private mutating func character() throws(NamespacedXMLReader.Failure) -> UInt8 {
        let byte = bytes[position]
        guard byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { throw fail("control character") }
        position += 1
        return byte
    }

    // MARK: Scanning

    private func looking(at literal: String) -> Bool {
        bytes[position...].starts(with: literal.utf8)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    /// An XML name: up to whitespace or one of `/ > = < ;`.
    private mutating func name() -> String {
        let start = position
        while position < bytes.count, !" \t\r\n/>=<;".utf8.contains(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Skips past `terminator`, returning what came before it.
    private mutating func until(_ terminator: String) throws(NamespacedXMLReader.Failure) -> [UInt8] {
        let start = position
        while position < bytes.count {
            if looking(at: terminator) {
                defer { position += terminator.utf8.count }
                return Array(bytes[start..<position])
            }
            position += 1
        }
        throw fail("input ended before \(terminator)")
    }

    private func fail(_ reason: String) -> NamespacedXMLReader.Failure {
        NamespacedXMLReader.Failure(offset: position, reason: reason)
    }
}
