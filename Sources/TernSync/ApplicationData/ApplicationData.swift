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
        let children =
            switch content {
            case .email(let email): EmailApplicationData.encode(email, serverID: serverID, options: options)
            case .contact(let contact): ContactApplicationData.encode(contact, options: options)
            case .event(let event): CalendarApplicationData.encode(event, options: options)
            case .task(let task): TaskApplicationData.encode(task, options: options)
            case .note(let note): NoteApplicationData.encode(note, options: options)
            }
        return WBXMLElement(AirSyncTag.applicationData, elements: children)
    }

    /// The item a device's Add (`existing` nil) or Change (`existing` the stored item) describes.
    ///
    /// An email Change touches only Read, Flag and Categories, but in 16.0+ may also rewrite a
    /// draft's recipients, subject, importance and body; an email Add is a 16.0+ draft.
    /// A contact, event or task Change replaces the item: what the device leaves out is cleared,
    /// unless it is ghosted (see `Ghosting`: `supported` is the collection's Supported list as
    /// `Namespace:Element` names, nil when the device sent none).
    public static func decode(
        _ element: WBXMLElement, as itemClass: ItemClass, replacing existing: ItemContent?, supported: Set<String>?,
        protocolVersion: ProtocolVersion
    ) throws(ApplicationDataError) -> ItemContent {
        if let existing, existing.itemClass != itemClass {
            throw ApplicationDataError(.classNotAllowed, "a \(itemClass) change of a \(existing.itemClass) item")
        }
        switch (itemClass, existing) {
        case (.email, .email(let email)?):
            if email.properties.isDraft, protocolVersion >= .v16_0, EmailApplicationData.changesDraftContent(element) {
                return .email(
                    try EmailApplicationData.changeDraft(email, with: element, protocolVersion: protocolVersion))
            }
            return .email(try EmailApplicationData.change(email, with: element))
        case (.email, _):
            return .email(try EmailApplicationData.addDraft(element, protocolVersion: protocolVersion))
        case (.contacts, _):
            let contact: ContactItem? = if case .contact(let contact)? = existing { contact } else { nil }
            let ghosting = contact == nil ? Ghosting.none : Ghosting(supported: supported, ghostsEverything: false)
            return .contact(try ContactApplicationData.decode(element, replacing: contact, ghosting: ghosting))
        case (.calendar, _):
            let event: CalendarItem? = if case .event(let event)? = existing { event } else { nil }
            let ghosting =
                event == nil
                ? Ghosting.none : Ghosting(supported: supported, ghostsEverything: protocolVersion >= .v16_0)
            return .event(
                try CalendarApplicationData.decode(
                    element, replacing: event, ghosting: ghosting, protocolVersion: protocolVersion))
        case (.tasks, _):
            let task: TaskItem? = if case .task(let task)? = existing { task } else { nil }
            let ghosting = task == nil ? Ghosting.none : Ghosting(supported: supported, ghostsEverything: false)
            return .task(try TaskApplicationData.decode(element, replacing: task, ghosting: ghosting))
        case (.notes, _):
            guard protocolVersion >= .v14_0 else {
                throw ApplicationDataError(.classNotAllowed, "Notes sync from protocol 14.0 on")
            }
            let note: NoteItem? = if case .note(let note)? = existing { note } else { nil }
            let ghosting = note == nil ? Ghosting.none : Ghosting(supported: supported, ghostsEverything: false)
            return .note(try NoteApplicationData.decode(element, replacing: note, ghosting: ghosting))
        default:
            throw ApplicationDataError(.classNotAllowed, "Tern does not sync \(itemClass) items")
        }
    }
}
