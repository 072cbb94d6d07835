/// One committed write, as the change feed announces it: whose data, which folders, whether
/// the folder hierarchy itself changed (so a Ping answers Status 7), and which of the user's
/// devices or policy changed (so a held Ping learns of a wipe, block or new policy at once).
public struct StoreChange: Hashable, Sendable {
    public let userID: User.ID
    /// The user's modification sequence after the write; `.zero` for a write that touched
    /// no folder or item (a device or policy change).
    public let modSeq: ModSeq
    /// Folders whose items changed.
    public let folderIDs: Set<Folder.ID>
    /// Whether folders were added, renamed, moved or deleted.
    public let hierarchyChanged: Bool
    /// Devices whose provisioning, wipe or block state changed.
    public let deviceIDs: Set<Device.ID>
    /// Whether the policy in force for the user changed (their override or the default).
    public let policyChanged: Bool

    public init(
        userID: User.ID, modSeq: ModSeq, folderIDs: Set<Folder.ID>, hierarchyChanged: Bool,
        deviceIDs: Set<Device.ID> = [],
        policyChanged: Bool = false
    ) {
        self.userID = userID
        self.modSeq = modSeq
        self.folderIDs = folderIDs
        self.hierarchyChanged = hierarchyChanged
        self.deviceIDs = deviceIDs
        self.policyChanged = policyChanged
    }

    /// The `userID` of a change that reaches every user: the default policy changed.
    public static let everyUser: User.ID = 0

    /// The same change announced to another user (a default-policy change reaches everyone).
    public func addressed(to userID: User.ID) -> StoreChange {
        StoreChange(
            userID: userID, modSeq: modSeq, folderIDs: folderIDs, hierarchyChanged: hierarchyChanged,
            deviceIDs: deviceIDs,
            policyChanged: policyChanged)
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
