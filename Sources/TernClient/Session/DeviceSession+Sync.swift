import ActiveSync
import Foundation
import WBXML

extension DeviceSession {
    /// The window asked for in each Sync response (MS-ASCMD 2.2.3.199.2).
    public static let windowSize = 100
    /// Email bodies are asked for as plain text up to this many bytes (MS-ASAIRS 2.2.2.40.1).
    static let bodyTruncationSize = 32 * 1024

    /// Told, after each window of a Sync, the folder, how many changes it brought so far and,
    /// on a folder's first sync, how many the server estimated in all (GetItemEstimate).
    public typealias SyncProgress = @Sendable (CachedFolder, Int, Int?) -> Void

    /// FolderSync, then a Sync of every folder of the four classes (or those of `names`).
    public func syncAll(_ names: [String] = [], progress: SyncProgress? = nil) async throws -> [FolderSyncSummary] {
        try await folderSync()
        let folders = try names.isEmpty ? syncedFolders() : names.map(folder(named:))
        let summaries = try await syncTogether(folders, progress: progress)
        try save { $0.lastSyncAt = Date() }
        return summaries
    }

    /// Syncs `folders` as `sync(_:)` does each, but asks for every folder that already has a
    /// key in one Sync request of several collections (MS-ASCMD 2.2.1.21), as a device does
    /// when it starts: one request instead of one a folder, which also keeps a device that is
    /// started often under the server's limit of quiet requests. A folder on its first sync
    /// (key 0), with more to come (MoreAvailable) or whose collection failed goes on alone.
    func syncTogether(_ folders: [CachedFolder], progress: SyncProgress? = nil) async throws -> [FolderSyncSummary] {
        var batched: [(folder: CachedFolder, kind: ItemKind, collection: SyncCollectionRequest)] = []
        for folder in folders {
            let kind = try Self.kind(of: folder)
            let key = try cache.syncKey(for: folder.serverID)
            if key != "0" { batched.append((folder, kind, Self.collection(folder, kind: kind, key: key))) }
        }
        var received: [String: (changes: [ItemChange], done: Bool)] = [:]
        if batched.count > 1 {
            let request = SyncRequest(collections: batched.map(\.collection))
            let response = try await exchange(.sync, request.element, resendOnce: true).map { root in
                guard let response = SyncResponse(root) else {
                    throw ClientError(.server, "the server's Sync response is not one")
                }
                if let status = response.status { throw ClientError(.server, "Sync failed with Status \(status)") }
                return response
            }
            for (folder, kind, _) in batched {
                // No answer at all (12.1+), or none for this collection: nothing changed in it.
                guard let answer = response?.collections.first(where: { $0.collectionID == folder.serverID }) else {
                    received[folder.serverID] = ([], true)
                    continue
                }
                guard answer.status == SyncStatus.success else { continue }
                let changes = try cache.apply(answer, kind: kind)
                progress?(folder, changes.count, nil)
                received[folder.serverID] = (changes, !answer.moreAvailable)
            }
        }
        var summaries: [FolderSyncSummary] = []
        for folder in folders {
            let earlier = received[folder.serverID]
            if let earlier, earlier.done {
                summaries.append(FolderSyncSummary(folder: folder, changes: earlier.changes))
            } else {
                let rest = try await sync(folder, sending: [], progress: progress).summary
                summaries.append(FolderSyncSummary(folder: folder, changes: (earlier?.changes ?? []) + rest.changes))
            }
        }
        return summaries
    }

    /// Syncs one folder until the server has no more (MoreAvailable); returns what it sent.
    @discardableResult
    public func sync(_ folder: CachedFolder) async throws -> FolderSyncSummary {
        try await sync(folder, sending: []).summary
    }

    /// The folders of the four classes, which `sync` and `watch` cover by default.
    func syncedFolders() throws -> [CachedFolder] {
        try cache.folders().filter { $0.kind != nil }
    }

    /// Syncs one folder as `sync(_:)` does, sending `commands` with the first request that has
    /// a real key, and returns the server's replies to them too. An invalid key (Status 3)
    /// drops the folder's cache and starts again from 0.
    func sync(
        _ folder: CachedFolder, sending commands: [SyncClientCommand], progress: SyncProgress? = nil
    ) async throws -> (summary: FolderSyncSummary, replies: [SyncCollectionResponse.Reply]) {
        let kind = try Self.kind(of: folder)
        var changes: [ItemChange] = []
        var estimate: Int?
        var replies: [SyncCollectionResponse.Reply] = []
        var pending = commands
        var restarted = false
        while true {
            let key = try cache.syncKey(for: folder.serverID)
            let collection = Self.collection(folder, kind: kind, key: key, sending: pending)
            let root = try await exchange(.sync, SyncRequest(collections: [collection]).element, resendOnce: true)
            // An empty answer (12.1+) means nothing changed in any collection asked for.
            guard let root else { break }
            guard let response = SyncResponse(root) else {
                throw ClientError(.server, "the server's Sync response is not one")
            }
            if let status = response.status {
                throw ClientError(.server, "Sync of \"\(folder.name)\" failed with Status \(status)")
            }
            guard let answer = response.collections.first(where: { $0.collectionID == folder.serverID }) else { break }
            switch answer.status {
            case SyncStatus.success where key == "0":
                guard answer.syncKey != nil else {
                    throw ClientError(.server, "the server's first Sync of \"\(folder.name)\" has no key")
                }
                _ = try cache.apply(answer, kind: kind)
                if let progress {
                    estimate = await self.estimate(folder, kind: kind)
                    progress(folder, 0, estimate)
                }
            case SyncStatus.success:
                changes += try cache.apply(answer, kind: kind, sent: pending)
                replies += answer.replies
                pending = []
                progress?(folder, changes.count, estimate)
                if !answer.moreAvailable { return (FolderSyncSummary(folder: folder, changes: changes), replies) }
            case SyncStatus.invalidSyncKey where !restarted:
                try cache.reset(folder.serverID)
                restarted = true
            default:
                throw ClientError(.server, "Sync of \"\(folder.name)\" failed with Status \(answer.status)")
            }
        }
        return (FolderSyncSummary(folder: folder, changes: changes), replies)
    }

    /// The folder's item class, or a usage error for a folder of none.
    private static func kind(of folder: CachedFolder) throws -> ItemKind {
        guard let kind = folder.kind else {
            throw ClientError(.usage, "folder \"\(folder.name)\" holds no mail, contacts, events or tasks")
        }
        return kind
    }

    /// The folder's collection in a Sync request from `key`, carrying `commands`.
    private static func collection(
        _ folder: CachedFolder, kind: ItemKind, key: String, sending commands: [SyncClientCommand] = []
    ) -> SyncCollectionRequest {
        var collection = SyncCollectionRequest(syncKey: key, collectionID: folder.serverID)
        if key != "0" {
            // MS-ASCMD 2.2.3.84: no GetChanges or Commands with key 0.
            collection.getChanges = true
            collection.windowSize = windowSize
            collection.commands = commands
        }
        if kind == .email { collection.options = [emailOptions] }
        return collection
    }

    /// How many items the server would send `folder` from its current key (MS-ASCMD 2.2.1.9);
    /// nil when it cannot say, which only costs the progress bar its end.
    private func estimate(_ folder: CachedFolder, kind: ItemKind) async -> Int? {
        let collection = GetItemEstimateRequest.Collection(
            collectionID: folder.serverID, syncKey: (try? cache.syncKey(for: folder.serverID)) ?? "0",
            options: kind == .email ? [Self.emailOptions] : [])
        guard
            let root = try? await exchange(.getItemEstimate, GetItemEstimateRequest(collections: [collection]).element),
            let response = GetItemEstimateResponse(root)
        else { return nil }
        return response.entries.first { $0.collectionID == folder.serverID && $0.status == .success }?.estimate
    }

    /// `<Options><AirSyncBase:BodyPreference><Type>1</Type><TruncationSize>…</TruncationSize></…></Options>`.
    private static var emailOptions: SyncOptions {
        SyncOptions(bodyPreferences: [BodyPreference(type: 1, truncationSize: bodyTruncationSize)])
    }
}
