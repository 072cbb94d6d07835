import ActiveSync
import TernStore

extension CollectionSync {
    /// How many commands a Sync with this key would send (GetItemEstimate, MS-ASCMD 2.2.1.9),
    /// counted on a scratch copy of the state: nothing is saved. Status 2 for an unknown
    /// collection, 3 for key 0, 4 for a key this device was not given.
    func estimate(collectionID: String, syncKey: String, options: [SyncOptions]) async throws(StoreError) -> (
        status: GetItemEstimateStatus, estimate: Int
    ) {
        guard let folder = try await store.folder(of: userID, serverID: collectionID),
            let itemClass = folder.type.itemClass
        else {
            return (GetItemEstimateStatus.invalidCollection, 0)
        }
        guard syncKey != "0" else { return (GetItemEstimateStatus.notPrimed, 0) }
        guard let key = Int(syncKey),
            let record = try await store.syncStates(of: deviceID, collection: folder.serverID)?.record(forKey: key)
        else { return (GetItemEstimateStatus.invalidSyncKey, 0) }
        var scratch = try CollectionState(record)
        if !options.isEmpty {
            let previousFilter = CollectionOptions(
                parameters: scratch.parameters, itemClass: itemClass, protocolVersion: protocolVersion
            ).filterType
            scratch.parameters.optionsXML = options.map(\.xml)
            let filter = CollectionOptions(
                parameters: scratch.parameters, itemClass: itemClass, protocolVersion: protocolVersion
            ).filterType
            if filter != previousFilter {
                scratch.rescanBelow = scratch.modSeq
                scratch.modSeq = .zero
            }
        }
        let collectionOptions = CollectionOptions(
            parameters: scratch.parameters, itemClass: itemClass, protocolVersion: protocolVersion)
        var count = 0
        while true {
            let (commands, more) = try await plannedChanges(
                in: folder, options: collectionOptions, window: CollectionOptions.maximumWindowSize, next: &scratch)
            count += commands.count
            if !more { return (GetItemEstimateStatus.success, count) }
        }
    }
}
