import ActiveSync
import Foundation

extension DeviceSession {
    /// Creates `item` on the server with a Sync Add (MS-ASCMD 2.2.3.7.2) in `folder`, or in
    /// the class's default folder, and returns it as cached under the ServerId the server gave.
    public func add(_ item: NewItem, to folder: CachedFolder? = nil) async throws -> CachedItem {
        let target = try folder ?? defaultFolder(for: item.kind)
        guard target.kind == item.kind else {
            throw ClientError(
                .usage, "folder \"\(target.name)\" does not hold \(item.kind.rawValue.lowercased()) items")
        }
        let clientID = String(UUID().uuidString.replacing("-", with: "").prefix(16).lowercased())
        let (_, replies) = try await sync(
            target,
            sending: [.add(clientID: clientID, applicationData: item.applicationData(version: profile.record.version))])
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
        let folder = try folder(of: item(serverID))
        let (_, replies) = try await sync(folder, sending: [.delete(serverID: serverID)])
        for case .delete(serverID, let status) in replies
        where status != SyncStatus.success && status != SyncStatus.objectNotFound {
            throw ClientError(.server, "the server refused to delete \"\(serverID)\" (Status \(status))")
        }
    }

    /// Changes the cached item `serverID` on the server with a Sync Change (MS-ASCMD
    /// 2.2.3.24) and returns it as cached afterwards.
    public func edit(_ serverID: String, _ edit: ItemEdit) async throws -> CachedItem {
        let item = try item(serverID)
        let folder = try folder(of: item)
        let data = try edit.applicationData(for: item, version: profile.record.version)
        let (_, replies) = try await sync(folder, sending: [.change(serverID: serverID, applicationData: data)])
        for case .change(serverID, let status) in replies where status != SyncStatus.success {
            throw ClientError(.server, "the server refused to change \"\(serverID)\" (Status \(status))")
        }
        return try self.item(serverID)
    }

    /// Moves the cached item `serverID` to `destination` with MoveItems (MS-ASCMD 2.2.1.12)
    /// and returns it under the ServerId the server gave it there.
    public func move(_ serverID: String, to destination: CachedFolder) async throws -> CachedItem {
        let item = try item(serverID)
        let source = try folder(of: item)
        guard destination.kind == item.kind else {
            throw ClientError(
                .usage, "folder \"\(destination.name)\" does not hold \(item.kind.rawValue.lowercased()) items")
        }
        guard destination.serverID != source.serverID else {
            throw ClientError(.usage, "\"\(serverID)\" is in \"\(destination.name)\" already")
        }
        let request = MoveItemsRequest(moves: [
            .init(sourceItemID: serverID, sourceFolderID: source.serverID, destinationFolderID: destination.serverID)
        ])
        guard let root = try await exchange(.moveItems, request.element), let response = MoveItemsResponse(root),
            let entry = response.entries.first(where: { $0.sourceItemID == serverID })
        else {
            throw ClientError(.server, "the server's MoveItems response is not one")
        }
        guard entry.status == MoveStatus.success, let newID = entry.destinationItemID else {
            throw ClientError(.server, "the server refused to move \"\(serverID)\" (MoveItems Status \(entry.status))")
        }
        try cache.move(serverID, to: destination.serverID, newServerID: newID)
        return try self.item(newID)
    }

    private func folder(of item: CachedItem) throws -> CachedFolder {
        guard let folder = try folders().first(where: { $0.serverID == item.folderID }) else {
            throw ClientError(.usage, "the folder of item \"\(item.serverID)\" is gone; run `tern-device sync`")
        }
        return folder
    }

    private func defaultFolder(for kind: ItemKind) throws -> CachedFolder {
        guard let folder = try folders().first(where: { $0.type == kind.defaultFolderType }) else {
            throw ClientError(.usage, "the server lists no default folder for \(kind.rawValue.lowercased()) items")
        }
        return folder
    }
}
