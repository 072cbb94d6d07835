public import ActiveSync
public import Foundation
public import TernStore

extension SyncEngine {
    /// GetItemEstimate: per collection what its next Syncs would send.
    public func estimate(_ request: GetItemEstimateRequest, now: Date = Date()) async throws(StoreError)
        -> GetItemEstimateResponse
    {
        let collectionSync = CollectionSync(
            store: store, userID: userID, deviceID: deviceID, protocolVersion: protocolVersion, now: now, logger: logger
        )
        var response = GetItemEstimateResponse()
        for collection in request.collections {
            let (status, estimate) = try await collectionSync.estimate(
                collectionID: collection.collectionID, syncKey: collection.syncKey, options: collection.options)
            response.entries.append(
                GetItemEstimateResponse.Entry(
                    status: status, collectionID: collection.collectionID, estimate: status == .success ? estimate : nil
                ))
        }
        return response
    }

    /// MoveItems: each item to its destination folder with a new server id. Every device, the
    /// moving one included, gets a Delete in the source and an Add in the destination at its
    /// next Sync of each, as MS-ASCMD 2.2.1.12 says.
    public func move(_ request: MoveItemsRequest) async throws(StoreError) -> MoveItemsResponse {
        var entries: [MoveItemsResponse.Entry] = []
        for move in request.moves {
            let entry = { (status: MoveStatus, destination: String?) in
                MoveItemsResponse.Entry(sourceItemID: move.sourceItemID, status: status, destinationItemID: destination)
            }
            guard let source = try await store.folder(of: userID, serverID: move.sourceFolderID),
                try await store.item(in: source.id, serverID: move.sourceItemID) != nil
            else {
                entries.append(entry(MoveStatus.invalidSource, nil))
                continue
            }
            guard let destination = try await store.folder(of: userID, serverID: move.destinationFolderID),
                destination.type.itemClass == source.type.itemClass
            else {
                entries.append(entry(MoveStatus.invalidDestination, nil))
                continue
            }
            guard destination.id != source.id else {
                entries.append(entry(MoveStatus.sameFolder, nil))
                continue
            }
            let moved = try await store.moveItem(from: source.id, serverID: move.sourceItemID, to: destination.id)
            entries.append(entry(MoveStatus.success, moved.serverID))
        }
        return MoveItemsResponse(entries: entries)
    }
}
