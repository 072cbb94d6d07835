public import ActiveSync

/// One item of a folder: an email, contact, calendar event or task, as Sync shows it.
public struct Item: Hashable, Sendable {
    public typealias ID = Int64

    public let id: ID
    public let folderID: Folder.ID
    /// The EAS ServerId, `"<folder server id>:<n>"` as Exchange writes it (MS-ASCMD 2.2.3.166).
    public var serverID: String
    public var content: ItemContent
    /// The modification sequence of the item's last change.
    public var modSeq: ModSeq

    public init(id: ID, folderID: Folder.ID, serverID: String, content: ItemContent, modSeq: ModSeq) {
        self.id = id
        self.folderID = folderID
        self.serverID = serverID
        self.content = content
        self.modSeq = modSeq
    }
}

/// An item's class-specific properties.
public enum ItemContent: Hashable, Sendable {
    case email(EmailItem)
    case contact(ContactItem)
    case event(CalendarItem)
    case task(TaskItem)
    case note(NoteItem)

    public var itemClass: ItemClass {
        switch self {
        case .email: .email
        case .contact: .contacts
        case .event: .calendar
        case .task: .tasks
        case .note: .notes
        }
    }
}
