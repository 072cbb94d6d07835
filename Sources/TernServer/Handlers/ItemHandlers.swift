import ActiveSync
import TernStore
import TernSync
import WBXML

/// GetItemEstimate (Status 2 for a body that is not one, 103 past `RequestLimits.estimateCollections`).
struct GetItemEstimateHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        guard let parsed = request.body.flatMap(GetItemEstimateRequest.init) else {
            return .document(GetItemEstimateResponse(status: .invalidCollection).element)
        }
        guard parsed.collections.count <= RequestLimits.estimateCollections else {
            return .document(
                StatusOnlyResponse.element(root: GetItemEstimateTag.getItemEstimate, status: CommonStatus.invalidXML))
        }
        let engine = request.syncEngine(store)
        return .document(try await engine.estimate(parsed).element)
    }
}

/// MoveItems; it has no Status of its own, so a body that is not one gets HTTP 400; past
/// `RequestLimits.moves` the common Status 103.
struct MoveItemsHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        guard let parsed = request.body.flatMap(MoveItemsRequest.init) else { return .httpStatus(400) }
        guard parsed.moves.count <= RequestLimits.moves else {
            return .document(
                StatusOnlyResponse.element(root: MoveTag.moveItems, status: CommonStatus.invalidXML))
        }
        let engine = request.syncEngine(store)
        return .document(try await engine.move(parsed).element)
    }
}

/// ItemOperations, multipart when the device accepts it and speaks WBXML; Status 11 past
/// `RequestLimits.itemOperations`.
struct ItemOperationsHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        guard let parsed = request.body.flatMap(ItemOperationsRequest.init) else {
            return .document(
                StatusOnlyResponse.element(
                    root: ItemOperationsTag.itemOperations, status: ItemOperationsStatus.protocolError))
        }
        guard parsed.operations.count <= RequestLimits.itemOperations else {
            return .document(
                StatusOnlyResponse.element(
                    root: ItemOperationsTag.itemOperations, status: ItemOperationsStatus.dataTooLarge))
        }
        let service = ItemOperationsService(
            store: store, userID: request.user.id, protocolVersion: request.protocolVersion)
        let (response, parts) = try await service.handle(parsed, multipart: request.acceptsMultipart)
        return request.acceptsMultipart ? .multipart(response.element, parts: parts) : .document(response.element)
    }
}
