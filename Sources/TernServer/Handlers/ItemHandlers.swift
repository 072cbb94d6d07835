import ActiveSync
import TernStore
import TernSync

/// GetItemEstimate; its decoder refuses a body that is not one (Status 2) or past
/// `RequestLimits.estimateCollections` (103).
struct GetItemEstimateHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let parsed = try request.decodedBody(as: GetItemEstimateRequest.self)
        return .document(try await request.syncEngine(store).estimate(parsed).element)
    }
}

/// MoveItems; it has no Status of its own, so its decoder refuses a body that is not one, or
/// past `RequestLimits.moves`, with the common Status 103 (HTTP 400 before 14.0).
struct MoveItemsHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let parsed = try request.decodedBody(as: MoveItemsRequest.self)
        return .document(try await request.syncEngine(store).move(parsed).element)
    }
}

/// ItemOperations, multipart when the device accepts it and speaks WBXML; its decoder refuses
/// a body that is not one (Status 2) or past `RequestLimits.itemOperations` (11).
struct ItemOperationsHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let parsed = try request.decodedBody(as: ItemOperationsRequest.self)
        let service = ItemOperationsService(
            store: store, userID: request.user.id, protocolVersion: request.protocolVersion)
        let (response, parts) = try await service.handle(parsed, multipart: request.acceptsMultipart)
        return request.acceptsMultipart ? .multipart(response.element, parts: parts) : .document(response.element)
    }
}
