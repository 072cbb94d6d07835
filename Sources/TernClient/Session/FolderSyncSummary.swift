/// What a Sync of one folder brought, for the per-folder summary line:
/// `Inbox: 10 added, 2 changed, 1 deleted`.
public struct FolderSyncSummary: Codable, Hashable, Sendable {
    public let folderID: String
    public let folderName: String
    public let counts: SyncCounts

    public var line: String {
        "\(folderName): \(counts.added) added, \(counts.changed) changed, \(counts.deleted) deleted"
    }
}
