package import Foundation

/// An email's properties as stored: a compact binary record rather than JSON, because
/// decoding them is a large share of reading a Sync window (512 at a time), and JSON through
/// `Codable` cost ten times what this does. Fields in a fixed order after a marker byte
/// (never `{`, so a JSON record cannot be mistaken for one) and a layout version.
package enum EmailPropertiesCoding {
    package static let marker: UInt8 = 0xE5
    package static let version: UInt8 = 1

    package static func encode(_ properties: EmailProperties) -> Data {
        var out = CompactWriter(capacity: 128 + properties.preview.utf8.count)
        out.byte(marker)
        out.byte(version)
        for text in [properties.from, properties.to, properties.cc, properties.replyTo, properties.subject] {
            out.optional(text) { $0.string($1) }
        }
        out.date(properties.dateReceived)
        out.int(properties.importance)
        out.bool(properties.read)
        out.optional(properties.flag) { out, flag in
            out.int(flag.status)
            out.optional(flag.flagType) { $0.string($1) }
            for date in [flag.startDate, flag.dueDate, flag.completeTime] { out.optional(date) { $0.date($1) } }
        }
        out.string(properties.messageClass)
        out.optional(properties.conversationID) { $0.data($1) }
        out.unsigned(UInt64(properties.categories.count))
        for category in properties.categories { out.string(category) }
        out.unsigned(UInt64(properties.attachments.count))
        for attachment in properties.attachments {
            out.int(attachment.index)
            out.string(attachment.fileName)
            out.string(attachment.contentType)
            out.optional(attachment.contentID) { $0.string($1) }
            out.bool(attachment.isInline)
            out.int(attachment.size)
        }
        out.string(properties.preview)
        out.bool(properties.isDraft)
        return Data(out.bytes)
    }

    package static func decode(_ data: Data) throws(StoreError) -> EmailProperties {
        var input = CompactReader(data)
        guard try input.byte() == marker, try input.byte() == version else {
            throw StoreError(.database, "stored email properties are not in the compact form, version \(version)")
        }
        func text(_ input: inout CompactReader) throws(StoreError) -> String { try input.string() }
        func date(_ input: inout CompactReader) throws(StoreError) -> Date { try input.date() }
        var properties = EmailProperties(
            from: try input.optional(text), to: try input.optional(text), cc: try input.optional(text),
            replyTo: try input.optional(text), subject: try input.optional(text), dateReceived: try input.date())
        properties.importance = try input.int()
        properties.read = try input.bool()
        properties.flag = try input.optional { (input: inout CompactReader) throws(StoreError) in
            EmailFlag(
                status: try input.int(), flagType: try input.optional(text), startDate: try input.optional(date),
                dueDate: try input.optional(date), completeTime: try input.optional(date))
        }
        properties.messageClass = try input.string()
        properties.conversationID = try input.optional { (input: inout CompactReader) throws(StoreError) in
            try input.data()
        }
        properties.categories = try (0..<count(&input)).map { _ throws(StoreError) in try input.string() }
        properties.attachments = try (0..<count(&input)).map { _ throws(StoreError) in
            EmailAttachment(
                index: try input.int(), fileName: try input.string(), contentType: try input.string(),
                contentID: try input.optional(text), isInline: try input.bool(), size: try input.int())
        }
        properties.preview = try input.string()
        properties.isDraft = try input.bool()
        guard input.isAtEnd else { throw StoreError(.database, "stored email properties run on past their last field") }
        return properties
    }

    /// A list's length, bounded by what could possibly follow so a damaged record allocates nothing.
    private static func count(_ input: inout CompactReader) throws(StoreError) -> Int {
        let count = try input.unsigned()
        guard count <= 1 << 20 else { throw StoreError(.database, "stored email properties hold a list of \(count)") }
        return Int(count)
    }
}
