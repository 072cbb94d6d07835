public import ActiveSync
public import TernStore
public import WBXML

/// The codecs between stored items and a Sync `<airsync:ApplicationData>` (MS-ASCMD 2.2.3.11),
/// for Email, Contacts, Calendar, Tasks and Notes.
///
/// ```xml
/// <Add>
///   <ServerId>5:12</ServerId>
///   <ApplicationData>
///     <contacts:FileAs>Doe, Jane</contacts:FileAs>
///   </ApplicationData>
/// </Add>
/// ```
public enum ApplicationData {
    /// The `<airsync:ApplicationData>` of an item for a Sync Add, Change or Fetch.
    /// `serverID` names the item in its attachments' FileReference.
    public static func encode(_ content: ItemContent, serverID: String, options: ItemEncodingOptions) -> WBXMLElement {
        let version = options.protocolVersion
        let children =
            switch content {
            case .email(let email):
                EmailApplicationData.encode(email, serverID: serverID, options: options).elements(version: version)
            case .contact(let contact): ContactApplicationData.encode(contact, options: options).elements
            case .event(let event): CalendarApplicationData.encode(event, options: options).elements(version: version)
            case .task(let task): TaskApplicationData.encode(task, options: options).elements(version: version)
            case .note(let note): NoteApplicationData.encode(note, options: options).elements
            }
        return WBXMLElement(AirSyncTag.applicationData, elements: children)
    }

    /// The item a device's Add (`existing` nil) or Change (`existing` the stored item) describes.
    ///
    /// An email Change touches only Read, Flag and Categories, but in 16.0+ may also rewrite a
    /// draft's recipients, subject, importance and body; an email Add is a 16.0+ draft.
    /// A contact, event or task Change replaces the item: what the device leaves out is cleared,
    /// unless it is ghosted (see `Ghosting`: `supported` is the collection's Supported list as
    /// `Namespace:Element` names, nil when the device sent none). The element is read as the
    /// class's typed ApplicationData first, so every refusal is the codec's.
    public static func decode(
        _ element: WBXMLElement, as itemClass: ItemClass, replacing existing: ItemContent?, supported: Set<String>?,
        protocolVersion: ProtocolVersion
    ) throws(ApplicationDataError) -> ItemContent {
        if let existing, existing.itemClass != itemClass {
            throw ApplicationDataError(.classNotAllowed, "a \(itemClass) change of a \(existing.itemClass) item")
        }
        let version = protocolVersion
        switch (itemClass, existing) {
        case (.email, .email(let email)?):
            let sent = try EmailData(element)
            if email.properties.isDraft, version >= .v16_0, sent.changesDraftContent {
                return .email(try EmailApplicationData.changeDraft(email, with: sent, protocolVersion: version))
            }
            return .email(EmailApplicationData.change(email, with: sent))
        case (.email, _):
            return .email(try EmailApplicationData.addDraft(try EmailData(element), protocolVersion: version))
        case (.contacts, _):
            let contact: ContactItem? = if case .contact(let contact)? = existing { contact } else { nil }
            let ghosting = contact == nil ? Ghosting.none : Ghosting(supported: supported, ghostsEverything: false)
            return .contact(
                ContactApplicationData.decode(
                    try ContactData(element), replacing: contact, ghosting: ghosting, version: version))
        case (.calendar, _):
            let event: CalendarItem? = if case .event(let event)? = existing { event } else { nil }
            let ghosting =
                event == nil ? Ghosting.none : Ghosting(supported: supported, ghostsEverything: version >= .v16_0)
            return .event(
                try CalendarApplicationData.decode(
                    try CalendarData(element), replacing: event, ghosting: ghosting, version: version))
        case (.tasks, _):
            let task: TaskItem? = if case .task(let task)? = existing { task } else { nil }
            let ghosting = task == nil ? Ghosting.none : Ghosting(supported: supported, ghostsEverything: false)
            return .task(
                TaskApplicationData.decode(try TaskData(element), replacing: task, ghosting: ghosting, version: version)
            )
        case (.notes, _):
            guard version >= .v14_0 else {
                throw ApplicationDataError(.classNotAllowed, "Notes sync from protocol 14.0 on")
            }
            let note: NoteItem? = if case .note(let note)? = existing { note } else { nil }
            let ghosting = note == nil ? Ghosting.none : Ghosting(supported: supported, ghostsEverything: false)
            return .note(
                NoteApplicationData.decode(try NoteData(element), replacing: note, ghosting: ghosting, version: version)
            )
        default:
            throw ApplicationDataError(.classNotAllowed, "Tern does not sync \(itemClass) items")
        }
    }
}
