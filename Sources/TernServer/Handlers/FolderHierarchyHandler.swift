import ActiveSync
import TernStore
import TernSync

/// FolderSync, FolderCreate, FolderUpdate and FolderDelete, answered by `HierarchySync`;
/// a body that is not the command's request is refused by its decoder (Status 10).
struct FolderHierarchyHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let hierarchy = HierarchySync(store: store, userID: request.user.id, deviceID: request.device.id)
        switch request.line.command {
        case .folderSync: return .document(try await hierarchy.folderSync(request.decodedBody()).element)
        case .folderCreate: return .document(try await hierarchy.create(request.decodedBody()).element)
        case .folderUpdate: return .document(try await hierarchy.update(request.decodedBody()).element)
        default: return .document(try await hierarchy.delete(request.decodedBody()).element)
        }
    }
}
