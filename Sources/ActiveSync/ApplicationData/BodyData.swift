import MIME
import WBXML

/// An item's `<airsyncbase:Body>` (MS-ASAIRS 2.2.2.9), or the BodyPart of 2.2.2.10, as it
/// travels.
///
/// ```xml
/// <airsyncbase:Body>
///   <airsyncbase:Type>1</airsyncbase:Type>
///   <airsyncbase:EstimatedDataSize>5500</airsyncbase:EstimatedDataSize>
///   <airsyncbase:Truncated>1</airsyncbase:Truncated>
///   <airsyncbase:Data>The first 512 bytes ...</airsyncbase:Data>
///   <airsyncbase:Preview>The first 255 characters ...</airsyncbase:Preview>
/// </airsyncbase:Body>
/// ```
public struct BodyData: Hashable, Sendable {
    /// A Body, or a BodyPart: the same children after a Status.
    public enum Kind: Hashable, Sendable {
        case body, part
    }

    public var kind: Kind
    /// 1 plain text, 2 HTML, 3 RTF, 4 MIME (MS-ASAIRS 2.2.2.41.3).
    public var type: Int
    /// The whole body's size in bytes.
    public var estimatedDataSize: Int?
    public var isTruncated: Bool
    /// The bytes sent; nil when Data is left out (a body truncated to nothing).
    public var data: [UInt8]?
    public var preview: String?

    public init(
        kind: Kind = .body, type: Int, estimatedDataSize: Int? = nil, isTruncated: Bool = false, data: [UInt8]?,
        preview: String? = nil
    ) {
        self.kind = kind
        self.type = type
        self.estimatedDataSize = estimatedDataSize
        self.isTruncated = isTruncated
        self.data = data
        self.preview = preview
    }

    /// A body of `content` sized as `preference` asks. Over its TruncationSize, Data holds
    /// the longest prefix that ends on a UTF-8 character boundary and Truncated is 1; with
    /// AllOrNone set it holds nothing at all. Preview is sent only from 14.0 on, and only
    /// when asked.
    public init(
        type: Int, content: [UInt8], preference: BodyPreference?, preview: () -> String, version: ProtocolVersion,
        kind: Kind = .body
    ) {
        var sent = content[...]
        var truncated = false
        if let limit = preference?.truncationSize, content.count > limit {
            sent = preference?.allOrNone == true ? [] : Self.prefix(content, maxBytes: limit)
            truncated = true
        }
        var previewText: String?
        if let characters = preference?.preview, characters > 0, version >= .v14_0 {
            previewText = String(preview().prefix(characters))
        }
        self.init(
            kind: kind, type: type, estimatedDataSize: content.count, isTruncated: truncated,
            data: !sent.isEmpty || content.isEmpty ? Array(sent) : nil, preview: previewText)
    }

    /// A plain-text body as contacts, events, tasks and notes carry it, sized by the device's
    /// type-1 BodyPreference if it sent one.
    public init(plainText text: String, preferences: [BodyPreference], version: ProtocolVersion) {
        self.init(
            type: 1, content: Array(text.utf8), preference: preferences.first { $0.type == 1 },
            preview: { Preview.text(fromPlainText: text, maxCharacters: 255) }, version: version)
    }

    /// The longest body a device may store, in UTF-8 bytes.
    public static let maxTextBytes = 4 << 20

    /// A device's Body: Type (1 when it names none) and Data, "" when it has none; refused
    /// over `maxTextBytes` or as `WBXMLElement.boundedText` refuses text.
    init(_ element: WBXMLElement) throws(ApplicationDataError) {
        let type = element.firstElement(AirSyncBaseTag.type)?.text.flatMap { Int($0) } ?? 1
        let text = try element.firstElement(AirSyncBaseTag.data)?.boundedText(maxBytes: Self.maxTextBytes) ?? ""
        self.init(type: type, data: Array(text.utf8))
    }

    /// Data as text ("" when absent).
    public var text: String { String(decoding: data ?? [], as: UTF8.self) }

    var element: WBXMLElement {
        var body = ElementList()
        // A BodyPart starts with its Status (MS-ASAIRS 2.2.2.10); it is always 1, success.
        if kind == .part { body.append(AirSyncBaseTag.status, 1) }
        body.append(AirSyncBaseTag.type, type)
        body.append(AirSyncBaseTag.estimatedDataSize, estimatedDataSize)
        body.append(AirSyncBaseTag.truncated, isTruncated ? true : nil)
        body.append(data.map(Self.dataElement))
        body.append(AirSyncBaseTag.preview, preview)
        return body.element(kind == .part ? AirSyncBaseTag.bodyPart : AirSyncBaseTag.body)
    }

    /// At most `maxBytes` bytes, cut before a UTF-8 lead byte so no character is split.
    static func prefix(_ bytes: [UInt8], maxBytes: Int) -> ArraySlice<UInt8> {
        guard bytes.count > maxBytes else { return bytes[...] }
        var end = max(0, maxBytes)
        // Continuation bytes are 10xxxxxx and a character has at most three of them; bytes
        // that are not UTF-8 at all are cut where asked.
        while end > 0, end > maxBytes - 3, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        if bytes[end] & 0xC0 == 0x80 { end = max(0, maxBytes) }
        return bytes[..<end]
    }

    /// Text when the bytes are UTF-8 without a NUL; a raw MIME message that is not goes as
    /// OPAQUE bytes, which carry anything.
    private static func dataElement(_ bytes: [UInt8]) -> WBXMLElement {
        let tag = AirSyncBaseTag.data
        guard !bytes.isEmpty else { return WBXMLElement(tag) }
        if !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) {
            return WBXMLElement(tag, text: text)
        }
        return WBXMLElement(tag, children: [.opaque(bytes)])
    }
}

extension WBXMLElement {
    /// The device's Body child, nil when there is none.
    func body() throws(ApplicationDataError) -> BodyData? {
        try firstElement(AirSyncBaseTag.body).map { element throws(ApplicationDataError) in try BodyData(element) }
    }
}
