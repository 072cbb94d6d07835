/// Decodes WBXML 1.3 bytes, as EAS devices send them, into a `WBXMLDocument`.
///
/// Strict and bounded (STYLE.md, example 4): the size limit is checked before reading a
/// byte, depth and element count while reading, and every length against the remaining
/// input, so a hostile body costs at most its own size. Attributes, LITERAL tags, EXT and
/// PI tokens never occur in EAS and are refused. A string table is accepted (EAS sends none)
/// and STR_T references are resolved to text.
///
/// ```
/// 03 01 6A 00   version 1.3, public id 1, UTF-8, empty string table
/// 00 07 56 52   SWITCH_PAGE 7, FolderSync (with content), SyncKey (with content)
/// 03 30 00 01   STR_I "0", END (SyncKey)
/// 01            END (FolderSync)
/// ```
public struct WBXMLDecoder: Sendable {
    public var limits: WBXMLLimits

    public init(limits: WBXMLLimits = .default) {
        self.limits = limits
    }

    public func decode(_ bytes: [UInt8]) throws(WBXMLError) -> WBXMLDocument {
        guard bytes.count <= limits.maxBytes else {
            throw WBXMLError(.tooLarge, at: limits.maxBytes, "input of \(bytes.count) bytes exceeds \(limits.maxBytes)")
        }
        var reader = ByteReader(bytes)
        let header = try DocumentHeader(reading: &reader)
        var body = BodyDecoder(limits: limits, stringTable: header.stringTable)
        let root = try body.decodeRoot(&reader)
        return WBXMLDocument(root: root, version: header.version, publicIdentifier: header.publicIdentifier)
    }
}

/// The WBXML header: version, public identifier, charset and string table.
private struct DocumentHeader {
    let version: UInt8
    let publicIdentifier: WBXMLDocument.PublicIdentifier
    let stringTable: ArraySlice<UInt8>

    init(reading reader: inout ByteReader) throws(WBXMLError) {
        version = try reader.readByte("the version byte")
        // 1.1 through 1.3 share one header layout; 1.0 has no charset field. EAS sends 1.3.
        guard (0x01...0x03).contains(version) else {
            throw WBXMLError(.unsupported, at: 0, "WBXML version byte \(version) (EAS uses 1.3, 0x03)")
        }
        let publicIDOffset = reader.offset
        let publicID = try reader.readMultiByteInteger("the public identifier")
        let literalIndex = publicID == 0 ? try reader.readMultiByteInteger("the public identifier's index") : nil
        let charsetOffset = reader.offset
        let charset = try reader.readMultiByteInteger("the charset")
        guard charset == WBXMLGlobalToken.utf8Charset else {
            throw WBXMLError(
                .unsupported, at: charsetOffset, "charset MIBenum \(charset) (only UTF-8, 106, is used by EAS)")
        }
        let tableLength = try reader.readMultiByteInteger("the string table length")
        stringTable = try reader.readBytes(tableLength, "a string table")
        if let literalIndex {
            let text = try StringTable(stringTable).string(at: literalIndex, offset: publicIDOffset)
            publicIdentifier = .literal(text)
        } else {
            publicIdentifier = .known(publicID)
        }
    }
}

/// NUL-terminated strings addressed by byte index (STR_T, literal public identifiers).
private struct StringTable {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    func string(at index: UInt32, offset: Int) throws(WBXMLError) -> String {
        guard UInt64(index) < UInt64(bytes.count) else {
            throw WBXMLError(
                .lengthOutOfRange, at: offset, "string table index \(index) outside a table of \(bytes.count) bytes")
        }
        let start = bytes.startIndex + Int(index)
        guard let end = bytes[start...].firstIndex(of: 0) else {
            throw WBXMLError(.malformed, at: offset, "string table entry \(index) has no terminating NUL")
        }
        guard let text = String(strictUTF8: bytes[start..<end]) else {
            throw WBXMLError(.invalidContent, at: offset, "string table entry \(index) is not valid UTF-8")
        }
        return text
    }
}

/// The element loop, iterative so that depth costs heap frames bounded by `maxDepth`.
private struct BodyDecoder {
    let limits: WBXMLLimits
    let stringTable: StringTable
    private var page: UInt8 = 0
    private var open: [WBXMLElement] = []
    private var elementCount = 0

    init(limits: WBXMLLimits, stringTable: ArraySlice<UInt8>) {
        self.limits = limits
        self.stringTable = StringTable(stringTable)
    }

    mutating func decodeRoot(_ reader: inout ByteReader) throws(WBXMLError) -> WBXMLElement {
        while true {
            let offset = reader.offset
            let byte = try reader.readByte(
                open.isEmpty ? "the root element" : "the end of <\(open[open.count - 1].tag)>")
            if let root = try handle(byte, at: offset, &reader) {
                guard reader.isAtEnd else {
                    throw WBXMLError(.malformed, at: reader.offset, "\(reader.remaining) bytes after the root element")
                }
                return root
            }
        }
    }

    /// Applies one token; returns the root once its END (or its empty tag) is read.
    private mutating func handle(_ byte: UInt8, at offset: Int, _ reader: inout ByteReader) throws(WBXMLError)
        -> WBXMLElement?
    {
        switch byte {
        case WBXMLGlobalToken.switchPage:
            let number = try reader.readByte("the code page number")
            guard Int(number) < CodePage.all.count else {
                throw WBXMLError(.unknownTag, at: offset + 1, "code page \(number) does not exist")
            }
            page = number
        case WBXMLGlobalToken.end:
            guard let element = open.popLast() else {
                throw WBXMLError(.malformed, at: offset, "END with no open element")
            }
            return try attach(element, at: offset)
        case WBXMLGlobalToken.stringInline:
            let bytes = try reader.readNullTerminated("an inline string")
            guard let text = String(strictUTF8: bytes) else {
                throw WBXMLError(.invalidContent, at: offset + 1, "inline string is not valid UTF-8")
            }
            try appendContent(.text(text), at: offset)
        case WBXMLGlobalToken.stringTableReference:
            let index = try reader.readMultiByteInteger("a string table index")
            try appendContent(.text(try stringTable.string(at: index, offset: offset)), at: offset)
        case WBXMLGlobalToken.entity:
            let value = try reader.readMultiByteInteger("a character entity")
            guard value != 0, let scalar = Unicode.Scalar(value) else {
                throw WBXMLError(.invalidContent, at: offset, "character entity \(value) is not a Unicode scalar")
            }
            try appendContent(.text(String(Character(scalar))), at: offset)
        case WBXMLGlobalToken.opaque:
            let length = try reader.readMultiByteInteger("an opaque length")
            let bytes = try reader.readBytes(length, "opaque data")
            try appendContent(.opaque(Array(bytes)), at: offset)
        case WBXMLGlobalToken.literal, WBXMLGlobalToken.literalWithContent,
            WBXMLGlobalToken.literalWithAttributes, WBXMLGlobalToken.literalWithAttributesAndContent:
            throw WBXMLError(.unsupported, at: offset, "LITERAL tag 0x\(hex(byte)) (EAS names every tag by token)")
        case WBXMLGlobalToken.processingInstruction:
            throw WBXMLError(.unsupported, at: offset, "processing instruction (never used by EAS)")
        case WBXMLGlobalToken.extensionInline0, WBXMLGlobalToken.extensionInline1, WBXMLGlobalToken.extensionInline2,
            WBXMLGlobalToken.extensionToken0, WBXMLGlobalToken.extensionToken1, WBXMLGlobalToken.extensionToken2,
            WBXMLGlobalToken.extension0, WBXMLGlobalToken.extension1, WBXMLGlobalToken.extension2:
            throw WBXMLError(.unsupported, at: offset, "extension token 0x\(hex(byte)) (never used by EAS)")
        default:
            return try openTag(byte, at: offset)
        }
        return nil
    }

    private mutating func openTag(_ byte: UInt8, at offset: Int) throws(WBXMLError) -> WBXMLElement? {
        guard byte & WBXMLGlobalToken.attributesFlag == 0 else {
            throw WBXMLError(.unsupported, at: offset, "tag 0x\(hex(byte)) has attributes (never used by EAS)")
        }
        guard let tag = WBXMLTag(page: page, token: byte & 0x3F) else {
            throw WBXMLError(
                .unknownTag, at: offset,
                "token 0x\(hex(byte & 0x3F)) is not a tag of code page \(page) (\(CodePage.all[Int(page)].namespace))")
        }
        elementCount += 1
        guard elementCount <= limits.maxElements else {
            throw WBXMLError(.tooManyElements, at: offset, "more than \(limits.maxElements) elements")
        }
        guard open.count < limits.maxDepth else {
            throw WBXMLError(.tooDeep, at: offset, "elements nest deeper than \(limits.maxDepth)")
        }
        let element = WBXMLElement(tag)
        if byte & WBXMLGlobalToken.contentFlag != 0 {
            open.append(element)
            return nil
        }
        return try attach(element, at: offset)
    }

    /// Adds a finished element to its parent, or returns it when it is the root.
    private mutating func attach(_ element: WBXMLElement, at offset: Int) throws(WBXMLError) -> WBXMLElement? {
        guard !open.isEmpty else { return element }
        if let last = open[open.count - 1].children.last, !last.isElement {
            throw WBXMLError(
                .malformed, at: offset,
                "<\(element.tag)> beside text in <\(open[open.count - 1].tag)> (EAS has no mixed content)")
        }
        open[open.count - 1].children.append(.element(element))
        return nil
    }

    private mutating func appendContent(_ node: WBXMLNode, at offset: Int) throws(WBXMLError) {
        guard !open.isEmpty else {
            throw WBXMLError(.malformed, at: offset, "content outside any element")
        }
        if let last = open[open.count - 1].children.last, last.isElement {
            throw WBXMLError(
                .malformed, at: offset,
                "text beside child elements in <\(open[open.count - 1].tag)> (EAS has no mixed content)")
        }
        // Content next to content of its kind joins it, so a body cut into millions of small
        // strings or opaque runs stays one node; a node that cannot join counts as an element.
        var children = open[open.count - 1].children
        open[open.count - 1].children = []
        switch (children.last, node) {
        case (.text(var text)?, .text(let more)):
            children.removeLast()
            text.append(more)
            children.append(.text(text))
        case (.opaque(var bytes)?, .opaque(let more)):
            children.removeLast()
            bytes.append(contentsOf: more)
            children.append(.opaque(bytes))
        default:
            elementCount += 1
            guard elementCount <= limits.maxElements else {
                throw WBXMLError(
                    .tooManyElements, at: offset, "more than \(limits.maxElements) elements and content runs")
            }
            children.append(node)
        }
        open[open.count - 1].children = children
    }
}

func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
