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

/// GetAttachment (MS-ASCMD 2.2.1.8, the 12.x way to fetch an attachment): the AttachmentName
/// parameter is the FileReference a Sync gave; the answer is the attachment's bytes with its
/// Content-Type, HTTP 500 when it is gone (as the specification says), 400 without a name.
struct GetAttachmentHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        guard let name = request.line.attachmentName, !name.isEmpty else { return .httpStatus(400) }
        switch try await AttachmentLookup(store: store, userID: request.user.id).find(name) {
        case .found(let bytes, let contentType): return .content(bytes, contentType: contentType)
        case .noItem, .noAttachment: return .httpStatus(500)
        }
    }
}
