/// A folder of a user's mailbox, as FolderSync shows it.
public struct Folder: Hashable, Sendable, Codable {
    public typealias ID = Int64

    public let id: ID
    public let userID: User.ID
    /// The EAS ServerId, unique per user and never reused (MS-ASCMD 2.2.3.163.4).
    public var serverID: String
    /// The parent's ServerId, `"0"` for the top level (MS-ASCMD 2.2.3.123).
    public var parentServerID: String
    public var displayName: String
    public var type: FolderType
    /// The modification sequence of the folder's last change.
    public var modSeq: ModSeq

    public init(
        id: ID, userID: User.ID, serverID: String, parentServerID: String, displayName: String, type: FolderType,
        modSeq: ModSeq
    ) {
        self.id = id
        self.userID = userID
        self.serverID = serverID
        self.parentServerID = parentServerID
        self.displayName = displayName
        self.type = type
        self.modSeq = modSeq
    }

    /// The ServerId of the top of the hierarchy, the parent of top-level folders.
    public static let rootServerID = "0"

    /// The folders every new user gets, with the display names Exchange uses.
    public static let defaultSet: [(name: String, type: FolderType)] = [
        ("Inbox", .inbox), ("Drafts", .drafts), ("Deleted Items", .deletedItems), ("Sent Items", .sentItems),
        ("Outbox", .outbox), ("Calendar", .calendar), ("Contacts", .contacts), ("Tasks", .tasks),
        ("Notes", .notes), ("Journal", .journal),
    ]
}
