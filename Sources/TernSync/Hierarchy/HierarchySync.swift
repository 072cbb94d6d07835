public import ActiveSync
import MIME
public import TernStore

/// FolderSync, FolderCreate, FolderUpdate and FolderDelete for one device (MS-ASCMD 2.2.1.3–6).
///
/// The device's view of the hierarchy is kept per sync key, current and previous, in the
/// store (`HierarchyState`), so a FolderSync resent with the previous key after a lost
/// response gets its changes again, and a folder the device created itself is not sent
/// back to it as an Add.
public struct HierarchySync: Sendable {
    let store: any Store
    let userID: User.ID
    let deviceID: Device.ID

    public init(store: any Store, userID: User.ID, deviceID: Device.ID) {
        self.store = store
        self.userID = userID
        self.deviceID = deviceID
    }

    /// FolderSync: everything for key `0`, else the changes since the key's state.
    /// Status 9 for a key this device was not given.
    public func folderSync(_ request: FolderSyncRequest) async throws(StoreError) -> FolderSyncResponse {
        let states = try await store.syncStates(of: deviceID, collection: HierarchyState.collection)
        let known: HierarchyState
        let usedKey: Int
        if request.syncKey == "0" {
            known = HierarchyState(modSeq: .zero, serverIDs: [])
            usedKey = 0
        } else {
            guard let key = Int(request.syncKey), let record = states?.record(forKey: key) else {
                return FolderSyncResponse(status: FolderStatus.invalidSyncKey)
            }
            known = try HierarchyState(record)
            usedKey = key
        }
        let changes = try await store.folderChanges(of: userID, since: known.modSeq)
        var response = FolderSyncResponse(status: FolderStatus.success)
        var next = HierarchyState(modSeq: changes.through, serverIDs: known.serverIDs)
        for folder in changes.changed {
            let entry = FolderSyncResponse.Entry(
                serverID: folder.serverID, parentID: folder.parentServerID, displayName: folder.displayName,
                type: folder.type.rawValue)
            if next.serverIDs.insert(folder.serverID).inserted {
                response.added.append(entry)
            } else {
                response.updated.append(entry)
            }
        }
        for serverID in changes.deletedServerIDs where next.serverIDs.remove(serverID) != nil {
            response.deletedServerIDs.append(serverID)
        }
        let nothingNew = response.added.isEmpty && response.updated.isEmpty && response.deletedServerIDs.isEmpty
        if nothingNew, usedKey != 0 {
            response.syncKey = request.syncKey
            return response
        }
        response.syncKey = String(try await save(next, after: usedKey, in: states))
        return response
    }

    /// The longest folder name a device may give, in characters.
    static let maxNameLength = 256

    /// A name every device can be sent back: not empty, not over `maxNameLength`, without
    /// control characters.
    static func isAcceptable(name: String) -> Bool {
        !name.isEmpty && name.count <= maxNameLength && !name.unicodeScalars.contains(where: \.isUnsendable)
    }

    /// FolderCreate: Status 2 for a name taken among the siblings, 5 for an unknown parent,
    /// 10 for a type a device may not create or a name not `isAcceptable`, 9 for a stale key.
    public func create(_ request: FolderCreateRequest) async throws(StoreError) -> FolderChangeResponse {
        guard let (states, key, known) = try await knownState(syncKey: request.syncKey) else {
            return FolderChangeResponse(.create, status: FolderStatus.invalidSyncKey)
        }
        let type = FolderType(rawValue: request.type)
        guard type.isUserCreated, Self.isAcceptable(name: request.displayName) else {
            return FolderChangeResponse(.create, status: FolderStatus.malformed)
        }
        let folder: Folder
        do {
            folder = try await store.createFolder(
                of: userID, parentServerID: request.parentID, displayName: request.displayName, type: type)
        } catch  where error.code == .alreadyExists {
            return FolderChangeResponse(.create, status: FolderStatus.alreadyExists)
        } catch  where error.code == .notFound {
            return FolderChangeResponse(.create, status: FolderStatus.parentNotFound)
        }
        var next = known
        next.serverIDs.insert(folder.serverID)
        next = try await catchingUp(next, wrote: [folder.serverID])
        let newKey = try await save(next, after: key, in: states)
        return FolderChangeResponse(
            .create, status: FolderStatus.success, syncKey: String(newKey), serverID: folder.serverID)
    }

    /// FolderUpdate: Status 2 for a default folder or a name taken, 4 for an unknown folder,
    /// 5 for an unknown parent or a move below itself, 9 for a stale key.
    public func update(_ request: FolderUpdateRequest) async throws(StoreError) -> FolderChangeResponse {
        guard let (states, key, known) = try await knownState(syncKey: request.syncKey) else {
            return FolderChangeResponse(.update, status: FolderStatus.invalidSyncKey)
        }
        guard let existing = try await store.folder(of: userID, serverID: request.serverID) else {
            return FolderChangeResponse(.update, status: FolderStatus.notFound)
        }
        guard existing.type.isUserCreated else {
            return FolderChangeResponse(.update, status: FolderStatus.alreadyExists)
        }
        guard Self.isAcceptable(name: request.displayName) else {
            return FolderChangeResponse(.update, status: FolderStatus.malformed)
        }
        do {
            _ = try await store.updateFolder(
                of: userID, serverID: request.serverID, parentServerID: request.parentID,
                displayName: request.displayName)
        } catch  where error.code == .alreadyExists {
            return FolderChangeResponse(.update, status: FolderStatus.alreadyExists)
        } catch  where error.code == .notFound || error.code == .invalid {
            return FolderChangeResponse(.update, status: FolderStatus.parentNotFound)
        }
        let next = try await catchingUp(known, wrote: [request.serverID])
        let newKey = try await save(next, after: key, in: states)
        return FolderChangeResponse(.update, status: FolderStatus.success, syncKey: String(newKey))
    }

    /// FolderDelete: the folder, its subfolders and their items. Status 3 for a default
    /// folder, 4 for an unknown one, 9 for a stale key.
    public func delete(_ request: FolderDeleteRequest) async throws(StoreError) -> FolderChangeResponse {
        guard let (states, key, known) = try await knownState(syncKey: request.syncKey) else {
            return FolderChangeResponse(.delete, status: FolderStatus.invalidSyncKey)
        }
        guard let existing = try await store.folder(of: userID, serverID: request.serverID) else {
            return FolderChangeResponse(.delete, status: FolderStatus.notFound)
        }
        guard existing.type.isUserCreated else {
            return FolderChangeResponse(.delete, status: FolderStatus.specialFolder)
        }
        let before = try await store.folders(of: userID).map(\.serverID)
        try await store.deleteFolder(of: userID, serverID: request.serverID)
        let after = Set(try await store.folders(of: userID).map(\.serverID))
        let removed = Set(before).subtracting(after)
        var next = known
        next.serverIDs.subtract(removed)
        next = try await catchingUp(next, wrote: removed)
        let newKey = try await save(next, after: key, in: states)
        return FolderChangeResponse(.delete, status: FolderStatus.success, syncKey: String(newKey))
    }

    /// Whether folders changed since the device's last FolderSync, so that a Ping must say
    /// Status 7 before it watches anything. A device that never synced the hierarchy is stale
    /// too: it has to FolderSync first (as Microsoft's protocol tests have Exchange answer).
    public func isStale() async throws(StoreError) -> Bool {
        guard let record = try await store.syncStates(of: deviceID, collection: HierarchyState.collection)?.current
        else { return true }
        let known = try HierarchyState(record)
        let changes = try await store.folderChanges(of: userID, since: known.modSeq)
        return !changes.changed.isEmpty || changes.deletedServerIDs.contains { known.serverIDs.contains($0) }
    }

    // MARK: State

    /// The states and the state a FolderCreate/Update/Delete key names; nil for an unknown key.
    private func knownState(syncKey: String) async throws(StoreError) -> (SyncStates, Int, HierarchyState)? {
        guard let key = Int(syncKey),
            let states = try await store.syncStates(of: deviceID, collection: HierarchyState.collection),
            let record = states.record(forKey: key)
        else { return nil }
        return (states, key, try HierarchyState(record))
    }

    /// The state after this device's own write: when nothing but the folders it wrote changed
    /// since its state, it has seen everything up to now; otherwise its modseq stays, so the
    /// next FolderSync still brings the other changes (its own folders then come as Updates).
    private func catchingUp(_ state: HierarchyState, wrote serverIDs: Set<String>) async throws(StoreError)
        -> HierarchyState
    {
        let changes = try await store.folderChanges(of: userID, since: state.modSeq)
        let others =
            changes.changed.map(\.serverID).filter { !serverIDs.contains($0) }
            + changes.deletedServerIDs.filter { !serverIDs.contains($0) }
        guard others.isEmpty else { return state }
        return HierarchyState(modSeq: changes.through, serverIDs: state.serverIDs)
    }

    /// Saves `state` under a new key after the one the device used; returns the new key.
    private func save(_ state: HierarchyState, after usedKey: Int, in states: SyncStates?) async throws(StoreError)
        -> Int
    {
        let newKey = max(states?.current.key ?? 0, usedKey) + 1
        let record = try state.record(key: newKey)
        let used = states?.record(forKey: usedKey)
        try await store.saveSyncStates(
            SyncStates(current: record, previous: used), of: deviceID, collection: HierarchyState.collection)
        return newKey
    }
}
