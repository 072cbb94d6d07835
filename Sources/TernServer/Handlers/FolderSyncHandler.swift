import ActiveSync
import TernStore

/// FolderSync (MS-ASCMD 2.2.1.5): the folder hierarchy, all of it for sync key 0, else what
/// changed since the key.
///
/// The key is `<modseq>-<highest folder number>`: the user's modification sequence when it was
/// issued and the highest folder server id then, so that a changed folder above that number
/// is an Add and one at or below it an Update. The key names a point in the store's history,
/// so a resent request with the same key gets the same answer.
struct FolderSyncHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        guard let body = request.body, let folderSync = FolderSyncRequest(body) else {
            return .document(FolderSyncResponse(status: 10).element)
        }
        let latest = try await store.folderChanges(of: request.user.id, since: .zero)
        let highest = latest.changed.compactMap { Int($0.serverID) }.max() ?? 0
        let since: (modSeq: ModSeq, highest: Int)
        if folderSync.syncKey == "0" {
            since = (.zero, 0)
        } else {
            let parts = folderSync.syncKey.split(separator: "-")
            guard parts.count == 2, let modSeq = Int64(parts[0]), let known = Int(parts[1]),
                modSeq <= latest.through.rawValue, known <= highest
            else {
                return .document(FolderSyncResponse(status: 9).element)
            }
            since = (ModSeq(rawValue: modSeq), known)
        }
        let changes = since.modSeq == .zero ? latest : try await store.folderChanges(of: request.user.id, since: since.modSeq)
        var response = FolderSyncResponse(status: 1, syncKey: "\(changes.through.rawValue)-\(highest)")
        for folder in changes.changed {
            let entry = FolderSyncResponse.Entry(
                serverID: folder.serverID, parentID: folder.parentServerID, displayName: folder.displayName, type: folder.type.rawValue)
            if (Int(folder.serverID) ?? 0) > since.highest { response.added.append(entry) } else { response.updated.append(entry) }
        }
        response.deletedServerIDs = since.modSeq == .zero ? [] : changes.deletedServerIDs
        return .document(response.element)
    }
}
