import ActiveSync
import Foundation

extension DeviceSession {
    /// Creates `item` on the server with a Sync Add (MS-ASCMD 2.2.3.7.2) in `folder`, or in
    /// the class's default folder, and returns it as cached under the ServerId the server gave.
    public func add(_ item: NewItem, to folder: CachedFolder? = nil) async throws -> CachedItem {
        let target = try folder ?? defaultFolder(for: item.kind)
        guard target.kind == item.kind else {
            throw ClientError(.usage, "folder \"\(target.name)\" does not hold \(item.kind.rawValue.lowercased()) items")
        }
        let clientID = String(UUID().uuidString.replacing("-", with: "").prefix(16).lowercased())
        let (_, replies) = try await sync(target, sending: [.add(clientID: clientID, applicationData: item.applicationData)])
        for case .add(clientID, let serverID, let status) in replies {
            guard status == SyncStatus.success, let serverID else {
                throw ClientError(.server, "the server refused the new item (Status \(status))")
            }
            return try self.item(serverID)
        }
        throw ClientError(.server, "the server did not answer the Add")
    }

    /// Deletes the cached item `serverID` on the server with a Sync Delete (MS-ASCMD 2.2.3.42.2).
    public func remove(_ serverID: String) async throws {
        let item = try item(serverID)
        guard let folder = try folders().first(where: { $0.serverID == item.folderID }) else {
            throw ClientError(.usage, "the folder of item \"\(serverID)\" is gone; run `tern-device sync`")
        }
        let (_, replies) = try await sync(folder, sending: [.delete(serverID: serverID)])
        for case .delete(serverID, let status) in replies where status != SyncStatus.success && status != SyncStatus.objectNotFound {
            throw ClientError(.server, "the server refused to delete \"\(serverID)\" (Status \(status))")
        }
    }

    private func defaultFolder(for kind: ItemKind) throws -> CachedFolder {
        guard let folder = try folders().first(where: { $0.type == kind.defaultFolderType }) else {
            throw ClientError(.usage, "the server lists no default folder for \(kind.rawValue.lowercased()) items")
        }
        return folder
    }
}
