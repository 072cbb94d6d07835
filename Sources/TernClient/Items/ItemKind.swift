/// The four classes of item a device keeps (MS-ASCMD 2.2.3.27 Class), known from the type
/// FolderSync gives a folder (MS-ASCMD 2.2.3.186.3).
public enum ItemKind: String, Codable, Hashable, Sendable, CaseIterable {
    case email = "Email"
    case contacts = "Contacts"
    case calendar = "Calendar"
    case tasks = "Tasks"

    /// The class of a folder of FolderSync `type`; nil for notes, journal and the folders
    /// that hold no items (18, 19), which this device does not sync.
    public init?(folderType type: Int) {
        switch type {
        case 1...6, 12: self = .email
        case 7, 15: self = .tasks
        case 8, 13: self = .calendar
        case 9, 14: self = .contacts
        default: return nil
        }
    }

    /// The type of this class's default folder (Inbox, Contacts, Calendar, Tasks), where `add` puts new items.
    public var defaultFolderType: Int {
        switch self {
        case .email: 2
        case .contacts: 9
        case .calendar: 8
        case .tasks: 7
        }
    }
}
