import ActiveSync
import TernPush
import TernStore
import TernSync

/// Ping (MS-ASCMD 2.2.1.13): validates the interval and folders (or takes the cached ones),
/// answers Status 7 at once when folders changed since the device's last FolderSync and
/// Status 2 when a watched folder has unsynced changes, else holds the
/// request in the push hub until a change, the heartbeat, a newer Ping, a device event or
/// shutdown ends it.
struct PingHandler {
    let store: any Store
    let hub: PushHub
    let configuration: ServerConfiguration

    func handle(_ request: EASRequest) async throws -> EASResponse {
        var sent = PingParameters()
        if let body = request.body {
            let ping = try PingRequest(body)
            sent = PingParameters(heartbeatInterval: ping.heartbeatInterval, folders: ping.folders)
        }
        let cached = try await PingParameters.load(store, deviceID: request.device.id)
        let parameters = sent.merged(over: cached)
        guard let heartbeat = parameters.heartbeatInterval, let folders = parameters.folders, !folders.isEmpty else {
            return Self.answer(.missingParameters)
        }
        guard heartbeat >= configuration.minHeartbeat, heartbeat <= configuration.maxHeartbeat else {
            let limit = heartbeat < configuration.minHeartbeat ? configuration.minHeartbeat : configuration.maxHeartbeat
            return Self.answer(PingResponse(status: .invalidHeartbeatInterval, heartbeatInterval: limit))
        }
        guard folders.count <= configuration.maxPingFolders else {
            return Self.answer(PingResponse(status: .tooManyFolders, maxFolders: configuration.maxPingFolders))
        }
        if parameters != cached { try await parameters.save(store, deviceID: request.device.id) }

        var watched: [Folder.ID: String] = [:]
        for folder in folders {
            guard let found = try await store.folder(of: request.user.id, serverID: folder.id) else {
                return Self.answer(.folderSyncRequired)
            }
            watched[found.id] = found.serverID
        }
        let engine = request.syncEngine(store)
        let serverIDs = folders.map(\.id)
        let gate = PolicyGate(store: store)
        let hierarchy = HierarchySync(store: store, userID: request.user.id, deviceID: request.device.id)
        var refusal: EASResponse?
        var hierarchyIsStale = false
        var pending: [String] = []
        let arming = try await hub.arm(
            userID: request.user.id, deviceID: request.device.id, folderIDs: Set(watched.keys),
            heartbeat: .seconds(heartbeat)
        ) {
            // A wipe or block committed after the gate let this request in, but before it was
            // armed, would otherwise wait for the heartbeat.
            refusal = try await gate.refusalAfterChange(of: request)
            if refusal != nil { return true }
            hierarchyIsStale = try await hierarchy.isStale()
            if hierarchyIsStale { return true }
            pending = try await engine.pendingFolders(serverIDs)
            return !pending.isEmpty
        }
        switch arming {
        case .ready:
            if hierarchyIsStale { return Self.answer(.folderSyncRequired) }
            return refusal ?? Self.answer(PingResponse(status: .changesOccurred, folders: pending))
        case .refused(.overCapacity):
            return Self.answer(.serverError)
        case .refused(.shuttingDown):
            return Self.answer(.expired)
        case .armed(let ticket):
            // What the answer needs, and no more: the request waits with it, maybe for an hour.
            let (store, request, watched) = (store, request.withoutBody, watched)
            return .held(
                HeldRequest(ticket: ticket) { wake in
                    try await Self.answer(to: wake, of: request, watching: serverIDs, in: watched, store: store)
                })
        }
    }

    /// The answer to a held Ping once the hub wakes it.
    private static func answer(
        to wake: PushWake, of request: EASRequest, watching serverIDs: [String], in watched: [Folder.ID: String],
        store: any Store
    ) async throws -> EASResponse {
        switch wake {
        case .expired, .superseded, .shutDown, .cancelled:
            return Self.answer(.expired)
        case .hierarchyChanged:
            return Self.answer(.folderSyncRequired)
        case .changed(let folderIDs):
            return Self.answer(
                PingResponse(
                    status: .changesOccurred,
                    folders: serverIDs.filter { id in folderIDs.contains { watched[$0] == id } }))
        case .deviceChanged:
            return try await PolicyGate(store: store).refusalAfterChange(of: request) ?? Self.answer(.expired)
        }
    }

    private static func answer(_ status: PingStatus) -> EASResponse { Self.answer(PingResponse(status: status)) }

    private static func answer(_ response: PingResponse) -> EASResponse { .document(response.element) }
}
