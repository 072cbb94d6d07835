public import ActiveSync

/// An EAS folder type (MS-ASCMD 2.2.3.186.3, FolderSync `Type`), 1 through 19.
///
/// A struct with static values so that a type sent by a device and unknown to us stays
/// representable (STYLE.md, example 8).
public struct FolderType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let userCreatedGeneric = FolderType(rawValue: 1)
    public static let inbox = FolderType(rawValue: 2)
    public static let drafts = FolderType(rawValue: 3)
    public static let deletedItems = FolderType(rawValue: 4)
    public static let sentItems = FolderType(rawValue: 5)
    public static let outbox = FolderType(rawValue: 6)
    public static let tasks = FolderType(rawValue: 7)
    public static let calendar = FolderType(rawValue: 8)
    public static let contacts = FolderType(rawValue: 9)
    public static let notes = FolderType(rawValue: 10)
    public static let journal = FolderType(rawValue: 11)
    public static let userCreatedMail = FolderType(rawValue: 12)
    public static let userCreatedCalendar = FolderType(rawValue: 13)
    public static let userCreatedContacts = FolderType(rawValue: 14)
    public static let userCreatedTasks = FolderType(rawValue: 15)
    public static let userCreatedJournal = FolderType(rawValue: 16)
    public static let userCreatedNotes = FolderType(rawValue: 17)
    public static let unknown = FolderType(rawValue: 18)
    public static let recipientInformationCache = FolderType(rawValue: 19)

    /// Whether the value is one MS-ASCMD defines.
    public var isDefined: Bool { (1...19).contains(rawValue) }

    /// The class of item this folder holds; nil for folders that hold none (type 18, 19).
    public var itemClass: ItemClass? {
        switch self {
        case .inbox, .drafts, .deletedItems, .sentItems, .outbox, .userCreatedMail, .userCreatedGeneric: .email
        case .calendar, .userCreatedCalendar: .calendar
        case .contacts, .userCreatedContacts: .contacts
        case .tasks, .userCreatedTasks: .tasks
        case .notes, .userCreatedNotes: .notes
        case .journal, .userCreatedJournal: .journal
        default: nil
        }
    }

    /// Whether a user may rename or delete folders of this type (default folders are fixed).
    public var isUserCreated: Bool { (12...17).contains(rawValue) || self == .userCreatedGeneric }

    public var description: String { "folder type \(rawValue)" }
}
