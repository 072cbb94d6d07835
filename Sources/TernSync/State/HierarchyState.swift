import TernStore

/// What a device knows of a user's folder hierarchy under one sync key: the modseq it has
/// seen and the folders it holds, so that a change is an Add or an Update for this device
/// and a delete of a folder it never had is not sent.
struct HierarchyState: Hashable, StoredSyncState {
    var modSeq: ModSeq
    var serverIDs: Set<String>

    /// The store's collection name for the hierarchy.
    static let collection = ""
}
