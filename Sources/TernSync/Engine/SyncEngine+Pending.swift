import Foundation
public import TernStore

extension SyncEngine {
    /// The folders, of `serverIDs`, that hold changes this device has not synced: what a Ping
    /// answers Status 2 with on arrival (MS-ASCMD 3.1.5.8). A folder the device never synced
    /// counts as changed; a folder that no longer exists does not (the caller answers Status 7).
    ///
    /// "Not synced" means a Sync with the device's current key would send something, so the
    /// device's own writes and items outside its filter do not count.
    public func pendingFolders(_ serverIDs: [String]) async throws(StoreError) -> [String] {
        let collectionSync = CollectionSync(
            store: store, userID: userID, deviceID: deviceID, protocolVersion: protocolVersion, now: Date(),
            logger: logger)
        var pending: [String] = []
        for serverID in serverIDs {
            if try await collectionSync.hasPendingChanges(collectionID: serverID) { pending.append(serverID) }
        }
        return pending
    }
}

extension CollectionSync {
    /// Whether a Sync of this collection with the device's current key would send a command.
    func hasPendingChanges(collectionID: String) async throws(StoreError) -> Bool {
        guard let folder = try await store.folder(of: userID, serverID: collectionID),
            let itemClass = folder.type.itemClass
        else {
            return false
        }
        guard let record = try await store.syncStates(of: deviceID, collection: folder.serverID)?.current else {
            return true
        }
        var scratch = try CollectionState(record)
        let options = CollectionOptions(
            parameters: scratch.parameters, itemClass: itemClass, protocolVersion: protocolVersion)
        let (commands, _) = try await plannedChanges(in: folder, options: options, window: 1, next: &scratch)
        return !commands.isEmpty
    }
}
