import ActiveSync
import TernPush
import TernStore
import TernSync

/// Sync, answered by `SyncEngine`; no body is the 12.1+ empty request, a body that is not a
/// Sync request, or one past `RequestLimits.syncCommands`, is refused by its decoder (Status 4). A request with Wait or HeartbeatInterval that would send
/// nothing is held in the push hub and run again when a collection changes (MS-ASCMD 3.1.5.4);
/// so is an empty request whose cached request had one.
struct SyncHandler {
    let store: any Store
    let hub: PushHub
    let configuration: ServerConfiguration
    let metrics: ServerMetrics

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let engine = request.syncEngine(store)
        let sync: SyncRequest?
        let seconds: Int
        let collectionIDs: [String]
        if let body = request.body {
            let parsed = try SyncRequest(body)
            switch holdInterval(of: parsed) {
            case .none: return served(try await engine.sync(parsed))
            case .refused(let response): return .document(response.element)
            case .seconds(let held): seconds = held
            }
            sync = parsed
            collectionIDs = parsed.collections.map(\.collectionID)
        } else {
            // The empty request is the cached one again, held as long if it asked to be.
            guard let cached = try await engine.cachedHold() else {
                return served(try await engine.sync(nil))
            }
            (sync, seconds, collectionIDs) = (nil, cached.seconds, cached.collectionIDs)
        }

        var folderIDs: Set<Folder.ID> = []
        for collectionID in collectionIDs {
            if let folder = try await store.folder(of: request.user.id, serverID: collectionID) {
                folderIDs.insert(folder.id)
            }
        }
        var quiet = SyncResponse()
        let arming = try await hub.arm(
            userID: request.user.id, deviceID: request.device.id, folderIDs: folderIDs, heartbeat: .seconds(seconds)
        ) {
            quiet = try await engine.sync(sync)
            return !quiet.isQuiet(answering: sync ?? SyncRequest(collections: []))
        }
        switch arming {
        case .ready:
            return served(quiet)
        case .refused(.overCapacity):
            return .document(SyncResponse(status: SyncStatus.serverError).element)
        case .refused(.shuttingDown):
            return served(try await engine.sync(sync))
        case .armed(let ticket):
            let quietResponse = quiet
            return .held(
                HeldRequest(ticket: ticket) { wake in
                    try await answer(to: wake, of: request, syncing: sync, quiet: quietResponse, engine: engine)
                })
        }
    }

    /// The answer to a held Sync once the hub wakes it: the quiet response when nothing
    /// changed, else the Sync run again.
    private func answer(
        to wake: PushWake, of request: EASRequest, syncing sync: SyncRequest?, quiet: SyncResponse, engine: SyncEngine
    ) async throws -> EASResponse {
        switch wake {
        case .expired, .superseded, .shutDown, .cancelled:
            return .document(quiet.element)
        case .changed, .hierarchyChanged:
            return served(try await engine.sync(sync))
        case .deviceChanged:
            if let refusal = try await PolicyGate(store: store).refusalAfterChange(of: request) { return refusal }
            return served(try await engine.sync(sync))
        }
    }

    /// A Sync response to send, its items counted for `/metrics`.
    private func served(_ response: SyncResponse) -> EASResponse {
        metrics.syncItemsServed(response.collections.reduce(0) { $0 + $1.commands.count })
        return .document(response.element)
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
                return .refused(
                    Self.outOfRange(limit: seconds < bounds.lowerBound ? bounds.lowerBound : bounds.upperBound))
            }
            return .seconds(seconds)
        }
    }

    private static func outOfRange(limit: Int) -> SyncResponse {
        SyncResponse(status: SyncStatus.invalidWaitOrHeartbeat, limit: limit)
    }
}
