/// What a Sync of one folder brought, for the per-folder summary line:
/// `Inbox: 10 added, 2 changed, 1 deleted`.
public struct FolderSyncSummary: Encodable, Hashable, Sendable {
    public let folderID: String
    public let folderName: String
    public let counts: SyncCounts
    /// Each change, in the order applied; not part of `sync --json`, which prints counts.
    public let changes: [ItemChange]

    init(folder: CachedFolder, changes: [ItemChange]) {
        folderID = folder.serverID
        folderName = folder.name
        counts = SyncCounts(changes)
        self.changes = changes
    }

    private enum CodingKeys: String, CodingKey {
        case folderID, folderName, counts
    }

    public var line: String {
        "\(folderName): \(counts.added) added, \(counts.changed) changed, \(counts.deleted) deleted"
    }
}
