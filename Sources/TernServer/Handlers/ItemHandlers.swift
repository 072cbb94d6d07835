import ActiveSync
import TernStore
import TernSync

/// GetItemEstimate (Status 2 for a body that is not one).
struct GetItemEstimateHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        guard let parsed = request.body.flatMap(GetItemEstimateRequest.init) else {
            return .document(GetItemEstimateResponse(status: 2).element)
        }
        let engine = request.syncEngine(store)
        return .document(try await engine.estimate(parsed).element)
    }
}

/// MoveItems; it has no top-level Status, so a body that is not one gets HTTP 400.
struct MoveItemsHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        guard let parsed = request.body.flatMap(MoveItemsRequest.init) else { return .httpStatus(400) }
        let engine = request.syncEngine(store)
        return .document(try await engine.move(parsed).element)
    }
}

/// ItemOperations, multipart when the device accepts it and speaks WBXML.
struct ItemOperationsHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        guard let parsed = request.body.flatMap(ItemOperationsRequest.init) else {
            return .document(StatusOnlyResponse.element(root: ItemOperationsTag.itemOperations, status: ItemOperationsStatus.protocolError))
        }
        let service = ItemOperationsService(store: store, userID: request.user.id, protocolVersion: request.protocolVersion)
        let (document, parts) = try await service.handle(parsed, multipart: request.acceptsMultipart)
        return request.acceptsMultipart ? .multipart(document, parts: parts) : .document(document)
    }
}
