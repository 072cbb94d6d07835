public import Foundation
public import WBXML

/// A note's `<airsync:ApplicationData>` (MS-ASNOTE 2.2.2, 14.0+) as it travels, in the order
/// of its schema; nil is an element left out.
///
/// ```xml
/// <airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type>…</airsyncbase:Body>
/// <notes:Subject>Groceries</notes:Subject>
/// <notes:MessageClass>IPM.StickyNote</notes:MessageClass>
/// <notes:LastModifiedDate>2026-12-01T09:30:00.000Z</notes:LastModifiedDate>
/// <notes:Categories><notes:Category>Home</notes:Category></notes:Categories>
/// ```
public struct NoteData: Hashable, Sendable {
    public var body: BodyData?
    /// "" when the device clears it.
    public var subject: String?
    public var messageClass: String?
    public var lastModifiedDate: Date?
    public var categories: [String]?

    public init(
        body: BodyData? = nil, subject: String? = nil, messageClass: String? = nil, lastModifiedDate: Date? = nil,
        categories: [String]? = nil
    ) {
        self.body = body
        self.subject = subject
        self.messageClass = messageClass
        self.lastModifiedDate = lastModifiedDate
        self.categories = categories
    }

    /// Reads a device's note.
    public init(_ data: WBXMLElement) throws(ApplicationDataError) {
        self.init(
            body: try data.body(), subject: try data.string(NotesTag.subject),
            messageClass: try data.string(NotesTag.messageClass),
            lastModifiedDate: try data.date(NotesTag.lastModifiedDate),
            categories: try data.strings(NotesTag.categories, NotesTag.category))
    }

    /// The children of `<airsync:ApplicationData>`, in the schema's order.
    public var elements: [WBXMLElement] {
        var list = ElementList()
        list.append(body?.element)
        list.append(NotesTag.subject, subject)
        list.append(NotesTag.messageClass, messageClass)
        list.append(NotesTag.lastModifiedDate, lastModifiedDate, .extended)
        list.append(NotesTag.categories, NotesTag.category, categories)
        return list.elements
    }

    /// This Change with what it left out taken from `stored` where `ghosting` keeps it; the
    /// modification date is the device's own or none.
    public func filling(from stored: NoteData, _ ghosting: Ghosting) -> NoteData {
        var note = self
        ghosting.fill(&note, from: stored, \.body, AirSyncBaseTag.body)
        ghosting.fill(&note, from: stored, \.subject, NotesTag.subject)
        ghosting.fill(&note, from: stored, \.messageClass, NotesTag.messageClass)
        ghosting.fill(&note, from: stored, \.categories, NotesTag.categories)
        return note
    }
}
