import ActiveSync
import TernStore
import TernSync

/// Sync, answered by `SyncEngine`; no body is the 12.1+ empty request, a body that is not a
/// Sync request gets Status 4.
struct SyncHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let engine = SyncEngine(store: store, userID: request.user.id, deviceID: request.device.id, protocolVersion: request.protocolVersion)
        guard let body = request.body else { return .document(try await engine.sync(nil).element) }
        guard let sync = SyncRequest(body) else { return .document(SyncResponse(status: SyncStatus.protocolError).element) }
        return .document(try await engine.sync(sync).element)
    }
}
