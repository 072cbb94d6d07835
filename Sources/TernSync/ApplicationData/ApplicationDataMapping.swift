public import ActiveSync
public import TernStore

/// Stored items to and from their typed `ApplicationData` (MS-ASCMD 2.2.3.11), for Email,
/// Contacts, Calendar, Tasks and Notes.
public enum ApplicationDataMapping {
    /// The ApplicationData of an item for a Sync Add, Change or Fetch or an ItemOperations
    /// Fetch. `serverID` names the item in its attachments' FileReference.
    public static func encode(_ content: ItemContent, serverID: String, options: ItemEncodingOptions)
        -> ApplicationData
    {
        switch content {
        case .email(let email): .email(EmailApplicationData.encode(email, serverID: serverID, options: options))
        case .contact(let contact): .contact(ContactApplicationData.encode(contact, options: options))
        case .event(let event): .event(CalendarApplicationData.encode(event, options: options))
        case .task(let task): .task(TaskApplicationData.encode(task, options: options))
        case .note(let note): .note(NoteApplicationData.encode(note, options: options))
        }
    }

    /// The item a device's Add (`existing` nil) or Change (`existing` the stored item) describes.
    ///
    /// An email Change touches only Read, Flag and Categories, but in 16.0+ may also rewrite a
    /// draft's recipients, subject, importance and body; an email Add is a 16.0+ draft.
    /// A contact, event, task or note Change replaces the item: what the device leaves out is
    /// cleared, unless it is ghosted (see `Ghosting`: `supported` is the collection's Supported
    /// list as `Namespace:Element` names, nil when the device sent none).
    public static func decode(
        _ sent: ApplicationData, replacing existing: ItemContent?, supported: Set<String>?,
        protocolVersion version: ProtocolVersion
    ) throws(ApplicationDataError) -> ItemContent {
        func ghosting(ghostsEverything: Bool = false) -> Ghosting {
            existing == nil ? .none : Ghosting(supported: supported, ghostsEverything: ghostsEverything)
        }
        switch (sent, existing) {
        case (.email(let sent), .email(let email)?):
            if email.properties.isDraft, version >= .v16_0, sent.changesDraftContent {
                return .email(try EmailApplicationData.changeDraft(email, with: sent, protocolVersion: version))
            }
            return .email(EmailApplicationData.change(email, with: sent))
        case (.email(let sent), nil):
            return .email(try EmailApplicationData.addDraft(sent, protocolVersion: version))
        case (.contact(let sent), nil), (.contact(let sent), .contact?):
            let contact: ContactItem? = if case .contact(let contact)? = existing { contact } else { nil }
            return .contact(
                ContactApplicationData.decode(sent, replacing: contact, ghosting: ghosting(), version: version))
        case (.event(let sent), nil), (.event(let sent), .event?):
            let event: CalendarItem? = if case .event(let event)? = existing { event } else { nil }
            return .event(
                try CalendarApplicationData.decode(
                    sent, replacing: event, ghosting: ghosting(ghostsEverything: version >= .v16_0), version: version))
        case (.task(let sent), nil), (.task(let sent), .task?):
            let task: TaskItem? = if case .task(let task)? = existing { task } else { nil }
            return .task(TaskApplicationData.decode(sent, replacing: task, ghosting: ghosting(), version: version))
        case (.note(let sent), nil), (.note(let sent), .note?):
            guard version >= .v14_0 else {
                throw ApplicationDataError(.classNotAllowed, "Notes sync from protocol 14.0 on")
            }
            let note: NoteItem? = if case .note(let note)? = existing { note } else { nil }
            return .note(NoteApplicationData.decode(sent, replacing: note, ghosting: ghosting(), version: version))
        case (_, let existing?):
            throw ApplicationDataError(.classNotAllowed, "a change of a \(existing.itemClass) item of another class")
        }
    }
}
