public import TernStore

extension SyncEngine {
    /// The items withheld from a device (see `CollectionSync`'s withholding) in every folder
    /// it syncs, and why: "unencodable" (tried again on every Sync) or "refused by device"
    /// (sent again when it changes).
    public static func withheldItems(
        of deviceID: Device.ID, in store: any Store
    ) async throws(StoreError) -> [(collectionID: String, serverID: String, reason: String)] {
        var items: [(collectionID: String, serverID: String, reason: String)] = []
        for (collection, record) in try await store.currentSyncStates(of: deviceID).sorted(by: { $0.key < $1.key }) {
            guard !collection.isEmpty, !collection.hasPrefix("#"), let state = try? CollectionState(record) else {
                continue
            }
            for (serverID, item) in (state.withheld ?? [:]).sorted(by: { $0.key < $1.key }) where item.isRetried != true
            {
                items.append((collection, serverID, item.reason == .unencodable ? "unencodable" : "refused by device"))
            }
        }
        return items
    }
}
