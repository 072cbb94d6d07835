import ActiveSync
import TernStore
import TernSync

/// FolderSync, FolderCreate, FolderUpdate and FolderDelete, answered by `HierarchySync`;
/// a body that is not the command's request gets Status 10.
struct FolderHierarchyHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let hierarchy = HierarchySync(store: store, userID: request.user.id, deviceID: request.device.id)
        let body = request.body
        switch request.line.command {
        case .folderSync:
            guard let parsed = body.flatMap(FolderSyncRequest.init) else {
                return .document(FolderSyncResponse(status: .malformed).element)
            }
            return .document(try await hierarchy.folderSync(parsed).element)
        case .folderCreate:
            guard let parsed = body.flatMap(FolderCreateRequest.init) else {
                return .document(FolderChangeResponse(.create, status: .malformed).element)
            }
            return .document(try await hierarchy.create(parsed).element)
        case .folderUpdate:
            guard let parsed = body.flatMap(FolderUpdateRequest.init) else {
                return .document(FolderChangeResponse(.update, status: .malformed).element)
            }
            return .document(try await hierarchy.update(parsed).element)
        default:
            guard let parsed = body.flatMap(FolderDeleteRequest.init) else {
                return .document(FolderChangeResponse(.delete, status: .malformed).element)
            }
            return .document(try await hierarchy.delete(parsed).element)
        }
    }
}
