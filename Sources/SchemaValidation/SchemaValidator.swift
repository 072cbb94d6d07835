internal import CLibXML2
public import WBXML

/// Validates the XML form of EAS documents against the XSDs in `Schemas/` with libxml2.
///
/// The schemas are loaded once from `ActiveSync.xsd`, which imports one schema per EAS
/// namespace. A document is validated as `XMLWriter` writes its tree, so libxml2 only ever
/// sees text Tern produced: no DTD, no entity, nothing fetched from the network.
/// A loaded schema is read-only in libxml2 and shared between threads; each validation
/// uses its own context.
public final class SchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// libxml2's global state, set up once before any thread uses the library: two threads
    /// loading schemas at once otherwise deadlock in its lazily made locks (seen in tests).
    private static let libraryReady: Void = xmlInitParser()

    /// Loads `ActiveSync.xsd` and everything it imports from `directory`.
    public init(schemaDirectory directory: String) throws(SchemaValidationError) {
        Self.libraryReady
        let path = directory.hasSuffix("/") ? directory + "ActiveSync.xsd" : directory + "/ActiveSync.xsd"
        let messages = MessageCollector()
        guard let parserContext = xmlSchemaNewParserCtxt(path) else {
            throw SchemaValidationError(messages: ["cannot read \(path)"])
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        xmlSchemaSetParserStructuredErrors(parserContext, collectMessage, Unmanaged.passUnretained(messages).toOpaque())
        guard let schema = withExtendedLifetime(messages, { xmlSchemaParse(parserContext) }) else {
            throw SchemaValidationError(messages: messages.lines.isEmpty ? ["cannot load \(path)"] : messages.lines)
        }
        self.schema = schema
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// Throws the schema violations of `element`'s document, one line each.
    public func validate(_ element: WBXMLElement) throws(SchemaValidationError) {
        let text = XMLWriter(indents: true).write(element)
        let messages = MessageCollector()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = text.withCString { pointer in
            xmlReadMemory(pointer, Int32(text.utf8.count), "request.xml", "UTF-8", options)
        }
        guard let document else {
            throw SchemaValidationError(messages: ["libxml2 could not parse the written document"])
        }
        defer { xmlFreeDoc(document) }
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            throw SchemaValidationError(messages: ["libxml2 could not create a validation context"])
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, collectMessage, Unmanaged.passUnretained(messages).toOpaque())
        let result = withExtendedLifetime(messages) { xmlSchemaValidateDoc(context, document) }
        guard result == 0 else {
            throw SchemaValidationError(
                messages: messages.lines.isEmpty ? ["invalid (libxml2 code \(result))"] : messages.lines)
        }
    }
}

/// The schema violations libxml2 reported, one line each (`line 4: Element 'X': ...`).
public struct SchemaValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let messages: [String]

    public var description: String { messages.joined(separator: "; ") }
}

private final class MessageCollector {
    var lines: [String] = []
}

/// Appends each libxml2 error to the `MessageCollector` passed as user data.
private let collectMessage: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let collector = Unmanaged<MessageCollector>.fromOpaque(userData).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    let trimmed = message.hasSuffix("\n") ? String(message.dropLast()) : message
    collector.lines.append("line \(error.pointee.line): \(trimmed)")
}
