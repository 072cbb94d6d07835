import ActiveSync
import TernStore
import TernSync

/// Sync, answered by `SyncEngine`; no body is the 12.1+ empty request, a body that is not a
/// Sync request gets Status 4. A request with Wait or HeartbeatInterval that would send
/// nothing is held in the push hub and run again when a collection changes (MS-ASCMD 3.1.5.4).
struct SyncHandler {
    let store: any Store
    let hub: PushHub
    let configuration: ServerConfiguration

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let engine = SyncEngine(store: store, userID: request.user.id, deviceID: request.device.id, protocolVersion: request.protocolVersion)
        guard let body = request.body else { return .document(try await engine.sync(nil).element) }
        guard let sync = SyncRequest(body) else { return .document(SyncResponse(status: SyncStatus.protocolError).element) }
        let seconds: Int
        switch holdInterval(of: sync) {
        case .none: return .document(try await engine.sync(sync).element)
        case .refused(let response): return .document(response.element)
        case .seconds(let held): seconds = held
        }

        var folderIDs: Set<Folder.ID> = []
        for collection in sync.collections {
            if let folder = try await store.folder(of: request.user.id, serverID: collection.collectionID) { folderIDs.insert(folder.id) }
        }
        var response = SyncResponse()
        let outcome = try await hub.hold(
            userID: request.user.id, deviceID: request.device.id, folderIDs: folderIDs, heartbeat: .seconds(seconds)
        ) {
            response = try await engine.sync(sync)
            return !response.isQuiet(answering: sync)
        }
        switch outcome {
        case .ready, .woken(.expired), .woken(.superseded), .woken(.shutDown), .woken(.cancelled):
            return .document(response.element)
        case .refused(.overCapacity):
            return .document(SyncResponse(status: SyncStatus.serverError).element)
        case .refused(.shuttingDown), .woken(.changed), .woken(.hierarchyChanged):
            return .document(try await engine.sync(sync).element)
        case .woken(.deviceChanged):
            if let refusal = try await PolicyGate(store: store).refusalAfterChange(of: request) { return refusal }
            return .document(try await engine.sync(sync).element)
        }
    }

    private enum HoldInterval {
        case none
        case seconds(Int)
        case refused(SyncResponse)
    }

    /// Wait is minutes, 1 to 59; HeartbeatInterval seconds within the configured bounds; both
    /// at once is Status 4, out of range Status 14 with the nearest allowed value as Limit.
    private func holdInterval(of sync: SyncRequest) -> HoldInterval {
        switch (sync.wait, sync.heartbeatInterval) {
        case (nil, nil):
            return .none
        case (.some, .some):
            return .refused(SyncResponse(status: SyncStatus.protocolError))
        case (let minutes?, nil):
            guard (1...59).contains(minutes) else { return .refused(Self.outOfRange(limit: minutes < 1 ? 1 : 59)) }
            return .seconds(minutes * 60)
        case (nil, let seconds?):
            let bounds = configuration.minHeartbeat...configuration.maxHeartbeat
            guard bounds.contains(seconds) else {
                return .refused(Self.outOfRange(limit: seconds < bounds.lowerBound ? bounds.lowerBound : bounds.upperBound))
            }
            return .seconds(seconds)
        }
    }

    private static func outOfRange(limit: Int) -> SyncResponse {
        SyncResponse(status: SyncStatus.invalidWaitOrHeartbeat, limit: limit)
    }
}
