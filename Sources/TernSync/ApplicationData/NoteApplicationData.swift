import ActiveSync
import Foundation
import TernStore

/// A stored note to and from its typed ApplicationData (`NoteData`, MS-ASNOTE 2.2.2).
///
/// A Change replaces the note as for contacts; LastModifiedDate is the device's when it sends
/// one, else the time the server took the change.
enum NoteApplicationData {
    static func encode(_ note: NoteItem, options: ItemEncodingOptions) -> NoteData {
        NoteData(
            body: note.body.map { BodyData(plainText: $0, options: options) }, subject: note.subject,
            messageClass: note.messageClass, lastModifiedDate: note.lastModified,
            categories: note.categories.nilWhenEmpty)
    }

    static func decode(_ sent: NoteData, replacing existing: NoteItem?, ghosting: Ghosting, version: ProtocolVersion)
        -> NoteItem
    {
        let data = existing.map { sent.filling(from: encode($0, options: .whole(version)), ghosting) } ?? sent
        var note = NoteItem()
        note.subject = data.subject.flatMap(nonEmpty)
        note.body = data.body.flatMap { nonEmpty($0.text) }
        note.categories = data.categories ?? []
        note.messageClass = data.messageClass.flatMap(nonEmpty) ?? NoteItem.defaultMessageClass
        note.lastModified = sent.lastModifiedDate ?? Date()
        return note
    }
}
