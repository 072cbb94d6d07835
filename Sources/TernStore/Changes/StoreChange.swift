/// One committed write, as the change feed announces it: whose data, which folders, and
/// whether the folder hierarchy itself changed (so a Ping answers Status 7).
public struct StoreChange: Hashable, Sendable {
    public let userID: User.ID
    /// The user's modification sequence after the write.
    public let modSeq: ModSeq
    /// Folders whose items changed.
    public let folderIDs: Set<Folder.ID>
    /// Whether folders were added, renamed, moved or deleted.
    public let hierarchyChanged: Bool

    public init(userID: User.ID, modSeq: ModSeq, folderIDs: Set<Folder.ID>, hierarchyChanged: Bool) {
        self.userID = userID
        self.modSeq = modSeq
        self.folderIDs = folderIDs
        self.hierarchyChanged = hierarchyChanged
    }
}

/// What changed in one folder since a modification sequence: the items added or changed
/// and the server ids deleted or moved away, each in modseq order.
public struct ItemChanges: Hashable, Sendable {
    /// A deleted or moved-away item: its former server id and the modseq of its removal.
    public struct Removal: Hashable, Sendable {
        public let serverID: String
        public let modSeq: ModSeq

        public init(serverID: String, modSeq: ModSeq) {
            self.serverID = serverID
            self.modSeq = modSeq
        }
    }

    public let changed: [Item]
    public let removed: [Removal]
    /// The highest modseq covered; ask again from here.
    public let through: ModSeq

    public init(changed: [Item], removed: [Removal], through: ModSeq) {
        self.changed = changed
        self.removed = removed
        self.through = through
    }

    public var deletedServerIDs: [String] { removed.map(\.serverID) }
}

/// What changed in a user's folder hierarchy since a modification sequence (FolderSync).
public struct FolderChanges: Hashable, Sendable {
    public let changed: [Folder]
    public let deletedServerIDs: [String]
    public let through: ModSeq

    public init(changed: [Folder], deletedServerIDs: [String], through: ModSeq) {
        self.changed = changed
        self.deletedServerIDs = deletedServerIDs
        self.through = through
    }
}
