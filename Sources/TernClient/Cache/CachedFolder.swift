/// A folder as the device last heard of it from FolderSync, with what the cache holds of it.
public struct CachedFolder: Codable, Hashable, Sendable {
    public let serverID: String
    public let parentID: String
    public let name: String
    /// The FolderSync type, 1 to 19 (MS-ASCMD 2.2.3.186.3).
    public let type: Int
    /// Items of the folder in the cache.
    public let itemCount: Int
    /// Whether the folder was ever synced (it has a sync key other than `0`).
    public let isSynced: Bool

    /// The class of the folder's items; nil for folders this device does not sync.
    public var kind: ItemKind? { ItemKind(folderType: type) }
}
