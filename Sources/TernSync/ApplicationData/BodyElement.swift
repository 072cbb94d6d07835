import ActiveSync
import MIME
import WBXML

/// The `<airsyncbase:Body>` of an item (MS-ASAIRS 2.2.2.9), shared by every class.
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
///
/// EstimatedDataSize is the whole body's size in bytes. Over the preference's TruncationSize,
/// Data holds the longest prefix that ends on a UTF-8 character boundary and Truncated is 1; with
/// AllOrNone set it holds nothing at all. Preview is sent only from 14.0 on, and only when asked.
enum BodyElement {
    static func make(
        type: Int, data: [UInt8], preference: BodyPreference?, preview: () -> String, version: ProtocolVersion,
        as kind: Kind = .body
    ) -> WBXMLElement {
        var body = ElementList()
        // A BodyPart starts with its Status (MS-ASAIRS 2.2.2.10); it is always 1, success.
        if kind == .part { body.append("AirSyncBase", "Status", 1) }
        body.append("AirSyncBase", "Type", type)
        body.append("AirSyncBase", "EstimatedDataSize", data.count)
        var sent = data[...]
        if let limit = preference?.truncationSize, data.count > limit {
            sent = preference?.allOrNone == true ? [] : prefix(data, maxBytes: limit)
            body.append("AirSyncBase", "Truncated", true)
        }
        if !sent.isEmpty || data.isEmpty {
            body.append(dataElement(sent))
        }
        if let characters = preference?.preview, characters > 0, version >= .v14_0 {
            body.append("AirSyncBase", "Preview", String(preview().prefix(characters)))
        }
        return body.element("AirSyncBase", kind.rawValue)
    }

    /// A Body, or the BodyPart of MS-ASAIRS 2.2.2.10: the same children after a Status.
    enum Kind: String {
        case body = "Body"
        case part = "BodyPart"
    }

    /// A plain-text body as contacts, events and tasks carry it, sized by the device's
    /// type-1 BodyPreference if it sent one.
    static func plainText(_ text: String, options: ItemEncodingOptions) -> WBXMLElement {
        let preference = options.bodyPreferences.first { $0.type == 1 }
        return make(
            type: 1, data: Array(text.utf8), preference: preference,
            preview: { Preview.text(fromPlainText: text, maxCharacters: 255) }, version: options.protocolVersion)
    }

    /// The longest body a device may store, in UTF-8 bytes.
    static let maxTextBytes = 4 << 20

    /// The Data text of a device's Body: nil when there is no Body, "" when it has no Data;
    /// refused as `WBXMLElement.boundedText` refuses text.
    static func text(in applicationData: WBXMLElement) throws(ApplicationDataError) -> String? {
        guard let body = applicationData.child("AirSyncBase", "Body") else { return nil }
        return try body.child("AirSyncBase", "Data")?.boundedText(maxBytes: maxTextBytes) ?? ""
    }

    /// The body type a device's Body says, 1 when it names none.
    static func type(in applicationData: WBXMLElement) -> Int {
        applicationData.child("AirSyncBase", "Body")?.child("AirSyncBase", "Type")?.text.flatMap { Int($0) } ?? 1
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
    private static func dataElement(_ bytes: ArraySlice<UInt8>) -> WBXMLElement {
        let tag = AirSyncBaseTag.data
        guard !bytes.isEmpty else { return WBXMLElement(tag) }
        if !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) {
            return WBXMLElement(tag, text: text)
        }
        return WBXMLElement(tag, children: [.opaque(Array(bytes))])
    }
}
