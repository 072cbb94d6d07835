public import ActiveSync
public import Foundation
public import Logging
public import TernStore

/// Sync (MS-ASCMD 2.2.1.21) for one device: each collection through `CollectionSync`, one
/// window shared by the whole request, and the empty and partial requests of 12.1+ filled
/// in from the device's last full request.
public struct SyncEngine: Sendable {
    let store: any Store
    let userID: User.ID
    let deviceID: Device.ID
    let protocolVersion: ProtocolVersion
    /// Where the engine reports what it did not send (an item withheld from a device).
    let logger: Logger

    public init(
        store: any Store, userID: User.ID, deviceID: Device.ID, protocolVersion: ProtocolVersion,
        logger: Logger = Logger(label: "tern.sync")
    ) {
        self.store = store
        self.userID = userID
        self.deviceID = deviceID
        self.protocolVersion = protocolVersion
        self.logger = logger
    }

    /// Answers a Sync request; nil is the empty request (no body).
    /// The folders and hold interval of the device's cached full request, when it asked to be
    /// held: an empty Sync (no body) repeats it, Wait included.
    public func cachedHold() async throws(StoreError) -> (collectionIDs: [String], seconds: Int)? {
        guard let record = try await store.syncStates(of: deviceID, collection: CachedSyncRequest.collection)?.current
        else { return nil }
        let cached = try CachedSyncRequest(record)
        return cached.heartbeatSeconds.map { (cached.collectionIDs, $0) }
    }

    public func sync(_ request: SyncRequest?, now: Date = Date()) async throws(StoreError) -> SyncResponse {
        let cachedStates = try await store.syncStates(of: deviceID, collection: CachedSyncRequest.collection)
        let cached = try cachedStates.map { record throws(StoreError) in try CachedSyncRequest(record.current) }
        var collections = request?.collections ?? []
        if request == nil || request?.isPartial == true || collections.isEmpty {
            guard let cached else { return SyncResponse(status: SyncStatus.incompleteRequest) }
            let named = Set(collections.map(\.collectionID))
            for collectionID in cached.collectionIDs where !named.contains(collectionID) {
                guard let key = try await store.syncStates(of: deviceID, collection: collectionID)?.current.key else {
                    continue
                }
                collections.append(SyncCollectionRequest(syncKey: String(key), collectionID: collectionID))
            }
        } else {
            let full = CachedSyncRequest(
                collectionIDs: collections.map(\.collectionID), windowSize: request?.windowSize,
                heartbeatSeconds: request?.heartbeatInterval ?? request?.wait.map { $0 * 60 })
            if full != cached {
                try await store.saveSyncStates(
                    SyncStates(current: try full.record(key: 1)), of: deviceID, collection: CachedSyncRequest.collection
                )
            }
        }
        guard !collections.isEmpty else { return SyncResponse(status: SyncStatus.incompleteRequest) }

        let overall = min(
            max(request?.windowSize ?? cached?.windowSize ?? CollectionOptions.maximumWindowSize, 1),
            CollectionOptions.maximumWindowSize)
        var remaining = overall
        var response = SyncResponse()
        let collectionSync = CollectionSync(
            store: store, userID: userID, deviceID: deviceID, protocolVersion: protocolVersion, now: now, logger: logger
        )
        for collection in collections {
            let answer = try await collectionSync.run(collection, window: remaining)
            remaining = max(remaining - answer.commands.count, 0)
            response.collections.append(answer)
        }
        return response
    }
}
