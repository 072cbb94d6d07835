import ActiveSync
import Foundation
import TernStore
import WBXML

/// A note's `<airsync:ApplicationData>` (MS-ASNOTE 2.2.2), in the order of its schema:
///
/// ```xml
/// <airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type>…</airsyncbase:Body>
/// <notes:Subject>Groceries</notes:Subject>
/// <notes:MessageClass>IPM.StickyNote</notes:MessageClass>
/// <notes:LastModifiedDate>2026-12-01T09:30:00.000Z</notes:LastModifiedDate>
/// <notes:Categories><notes:Category>Home</notes:Category></notes:Categories>
/// ```
///
/// A Change replaces the note as for contacts; LastModifiedDate is the device's when it sends
/// one, else the time the server took the change.
enum NoteApplicationData {
    static func encode(_ note: NoteItem, options: ItemEncodingOptions) -> [WBXMLElement] {
        var list = ElementList()
        list.append(note.body.map { BodyElement.plainText($0, options: options) })
        list.append("Notes", "Subject", note.subject)
        list.append("Notes", "MessageClass", note.messageClass)
        list.append("Notes", "LastModifiedDate", note.lastModified, .extended)
        if !note.categories.isEmpty { list.append("Notes", "Categories", "Category", note.categories) }
        return list.elements
    }

    static func decode(_ data: WBXMLElement, replacing existing: NoteItem?, ghosting: Ghosting)
        throws(ApplicationDataError) -> NoteItem
    {
        let stored = existing ?? NoteItem()
        var note = NoteItem()
        note.subject = ghosting.merge(
            "Notes:Subject", sent: try data.string("Notes", "Subject").map(nonEmpty), stored: stored.subject,
            cleared: nil)
        note.body = ghosting.merge(
            "AirSyncBase:Body", sent: try BodyElement.text(in: data).map(nonEmpty), stored: stored.body, cleared: nil)
        note.categories = ghosting.merge(
            "Notes:Categories", sent: try data.strings("Notes", "Categories", "Category"), stored: stored.categories,
            cleared: [])
        note.messageClass = ghosting.merge(
            "Notes:MessageClass", sent: try data.nonEmptyString("Notes", "MessageClass"), stored: stored.messageClass,
            cleared: NoteItem.defaultMessageClass)
        note.lastModified = try data.date("Notes", "LastModifiedDate") ?? Date()
        return note
    }
}
