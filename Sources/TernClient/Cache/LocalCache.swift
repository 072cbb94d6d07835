public import ActiveSync
import Foundation
import GRDB
import WBXML

/// The device's local copy in `cache.sqlite`: folders, items and sync keys.
///
/// Every response is applied in one transaction together with the sync key it brought, so a
/// crash leaves either the old key with the old items or the new key with the new ones, and
/// the next Sync (with the key on disk) picks up from there.
///
/// What the server says of an item (its ApplicationData) and a folder's name are sealed under
/// the data key (`CacheKey`) before they reach SQLite, each bound to its row's ServerId; ids,
/// classes and sync keys stay readable, as SQL needs them. `secure_delete` makes SQLite zero
/// what it frees, so a deleted row's ciphertext does not linger either.
public final class LocalCache: Sendable {
    private let queue: DatabaseQueue
    private let key: CacheKey

    /// The collection id under which the hierarchy's sync key is kept.
    static let hierarchyCollection = ""

    /// Opens (or creates) the cache at `path` under `key` and brings its schema up to date.
    init(path: String, key: CacheKey) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        self.key = key
        try CacheMigrations.migrator.migrate(queue)
    }

    /// Closes the database; the files can then be removed. Any later use throws.
    public func close() throws {
        try queue.close()
    }

    // MARK: Sync keys

    /// The key for `collectionID`, `0` when the collection was never synced.
    public func syncKey(for collectionID: String) throws -> String {
        try queue.read { db in
            try String.fetchOne(
                db, SQLRequest<String>(literal: "SELECT sync_key FROM sync_keys WHERE collection_id = \(collectionID)"))
        } ?? "0"
    }

    /// The hierarchy's key, `0` before the first FolderSync.
    public func hierarchySyncKey() throws -> String {
        try syncKey(for: Self.hierarchyCollection)
    }

    private static func store(_ key: String, for collectionID: String, in db: Database) throws {
        try db.execute(
            literal: """
                INSERT INTO sync_keys (collection_id, sync_key) VALUES (\(collectionID), \(key))
                ON CONFLICT (collection_id) DO UPDATE SET sync_key = excluded.sync_key
                """)
    }

    // MARK: Folders

    /// Every folder, by name, with the number of cached items in each.
    public func folders() throws -> [CachedFolder] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT f.server_id, f.parent_id, f.sealed_name, f.type,
                            (SELECT COUNT(*) FROM items i WHERE i.folder_id = f.server_id) AS item_count,
                            EXISTS (SELECT 1 FROM sync_keys k WHERE k.collection_id = f.server_id AND k.sync_key != '0') AS synced
                        FROM folders f
                        """)
            ).map { row in
                let serverID: String = row["server_id"]
                return CachedFolder(
                    serverID: serverID, parentID: row["parent_id"],
                    name: try key.openText(row["sealed_name"], context: Self.folderContext(serverID)),
                    type: row["type"],
                    itemCount: row["item_count"], isSynced: row["synced"])
            }
        }.sorted { ($0.name, $0.serverID) < ($1.name, $1.serverID) }
    }

    /// Applies a FolderSync response and stores its key; returns (added, updated, deleted).
    /// A deleted folder takes its items and sync key with it.
    @discardableResult
    public func apply(_ response: FolderSyncResponse) throws -> (added: Int, updated: Int, deleted: Int) {
        try queue.write { db in
            for entry in response.added + response.updated {
                let name = try key.seal(entry.displayName, context: Self.folderContext(entry.serverID))
                try db.execute(
                    literal: """
                        INSERT INTO folders (server_id, parent_id, sealed_name, type)
                        VALUES (\(entry.serverID), \(entry.parentID), \(name), \(entry.type))
                        ON CONFLICT (server_id) DO UPDATE SET parent_id = excluded.parent_id,
                            sealed_name = excluded.sealed_name, type = excluded.type
                        """)
            }
            for serverID in response.deletedServerIDs {
                try db.execute(literal: "DELETE FROM folders WHERE server_id = \(serverID)")
                try db.execute(literal: "DELETE FROM sync_keys WHERE collection_id = \(serverID)")
            }
            if let key = response.syncKey { try Self.store(key, for: Self.hierarchyCollection, in: db) }
            return (response.added.count, response.updated.count, response.deletedServerIDs.count)
        }
    }

    /// Forgets everything: the hierarchy is to be synced again from key 0 (FolderSync Status 9).
    public func removeAll() throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM items; DELETE FROM folders; DELETE FROM sync_keys;")
        }
    }

    // MARK: Items

    /// The cached items of `folderID`, in ServerId order.
    public func items(in folderID: String) throws -> [CachedItem] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT server_id, folder_id, class, payload FROM items WHERE folder_id = \(folderID) ORDER BY server_id
                        """)
            ).compactMap(decodeItem)
        }
    }

    /// The cached item with `serverID`, in any folder.
    public func item(_ serverID: String) throws -> CachedItem? {
        try queue.read { db in try Self.fetchItem(serverID, in: db, key: key) }
    }

    /// Drops a collection's items and key, for a restart from key 0 (Sync Status 3).
    public func reset(_ folderID: String) throws {
        try queue.write { db in
            try db.execute(literal: "DELETE FROM items WHERE folder_id = \(folderID)")
            try db.execute(literal: "DELETE FROM sync_keys WHERE collection_id = \(folderID)")
        }
    }

    /// Files `serverID` under its new id in `folderID` after a MoveItems (MS-ASCMD 2.2.1.12);
    /// the next Syncs of the two folders bring the Delete and the Add, which leave it as it is.
    func move(_ serverID: String, to folderID: String, newServerID: String) throws {
        try queue.write { db in
            guard let item = try Self.fetchItem(serverID, in: db, key: key) else { return }
            try db.execute(literal: "DELETE FROM items WHERE server_id = \(serverID)")
            try Self.save(
                newServerID, folderID: folderID, kind: item.kind, data: item.applicationData, in: db, key: key)
        }
    }

    /// Applies one collection of a Sync response with its new key: the server's commands, then
    /// the outcome of what this device `sent` (an Add answered with a ServerId is cached with
    /// the data sent; a Delete is dropped unless the server refused it). Returns the server's
    /// changes, each with the item's title (a deleted one's as it was).
    ///
    /// An email Change carries only the properties that changed (flags, read state), so it is
    /// merged into the cached data; the other classes get the whole item and replace it.
    public func apply(
        _ collection: SyncCollectionResponse, kind: ItemKind, sent: [SyncClientCommand] = []
    ) throws -> [ItemChange] {
        try queue.write { db in
            var changes: [ItemChange] = []
            let folderID = collection.collectionID
            for command in collection.commands {
                switch command {
                case .add(let serverID, let data):
                    try Self.save(serverID, folderID: folderID, kind: kind, data: data, in: db, key: key)
                    changes.append(
                        ItemChange(
                            .added, folderID: folderID, itemID: serverID, kind: kind,
                            title: try Self.fetchItem(serverID, in: db, key: key)?.title))
                case .change(let serverID, let data):
                    try Self.change(serverID, folderID: folderID, kind: kind, data: data, in: db, key: key)
                    changes.append(
                        ItemChange(
                            .changed, folderID: folderID, itemID: serverID, kind: kind,
                            title: try Self.fetchItem(serverID, in: db, key: key)?.title))
                case .delete(let serverID), .softDelete(let serverID):
                    let title = try Self.fetchItem(serverID, in: db, key: key)?.title
                    try db.execute(literal: "DELETE FROM items WHERE server_id = \(serverID)")
                    changes.append(ItemChange(.deleted, folderID: folderID, itemID: serverID, kind: kind, title: title))
                }
            }
            for command in sent {
                try applyOutcome(of: command, replies: collection.replies, folderID: folderID, kind: kind, in: db)
            }
            if let key = collection.syncKey { try Self.store(key, for: folderID, in: db) }
            return changes
        }
    }

    private func applyOutcome(
        of command: SyncClientCommand, replies: [SyncCollectionResponse.Reply], folderID: String, kind: ItemKind,
        in db: Database
    ) throws {
        switch command {
        case .add(let clientID, let data):
            for case .add(clientID, let serverID?, SyncStatus.success) in replies {
                try Self.save(serverID, folderID: folderID, kind: kind, data: data, in: db, key: key)
            }
        case .change(let serverID, _, let data):
            let status = replies.lazy.compactMap { reply -> SyncStatus? in
                guard case .change(serverID, let status) = reply else { return nil }
                return status
            }.first
            if status == nil || status == SyncStatus.success {
                try Self.change(serverID, folderID: folderID, kind: kind, data: data, in: db, key: key)
            }
        case .delete(let serverID, _):
            let status = replies.lazy.compactMap { reply -> SyncStatus? in
                guard case .delete(serverID, let status) = reply else { return nil }
                return status
            }.first
            if status == nil || status == SyncStatus.success || status == SyncStatus.objectNotFound {
                try db.execute(literal: "DELETE FROM items WHERE server_id = \(serverID)")
            }
        case .fetch:
            break
        }
    }

    private static func save(
        _ serverID: String, folderID: String, kind: ItemKind, data: WBXMLElement, in db: Database, key: CacheKey
    ) throws {
        let payload = try key.seal(XMLWriter(indents: false).write(data), context: itemContext(serverID))
        try db.execute(
            literal: """
                INSERT INTO items (server_id, folder_id, class, payload) VALUES (\(serverID), \(folderID), \(kind.rawValue), \(payload))
                ON CONFLICT (server_id) DO UPDATE SET folder_id = excluded.folder_id, class = excluded.class, payload = excluded.payload
                """)
    }

    private static func change(
        _ serverID: String, folderID: String, kind: ItemKind, data: WBXMLElement, in db: Database, key: CacheKey
    ) throws {
        var merged = data
        if kind == .email, let old = try fetchItem(serverID, in: db, key: key) {
            let changedTags = Set(data.elements.map(\.tag))
            merged = WBXMLElement(
                data.tag,
                elements: old.applicationData.elements.filter { !changedTags.contains($0.tag) } + data.elements)
        }
        try save(serverID, folderID: folderID, kind: kind, data: merged, in: db, key: key)
    }

    private static func fetchItem(_ serverID: String, in db: Database, key: CacheKey) throws -> CachedItem? {
        try Row.fetchOne(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT server_id, folder_id, class, payload FROM items WHERE server_id = \(serverID)
                    """)
        ).flatMap { try decodeItem($0, key: key) }
    }

    private func decodeItem(_ row: Row) throws -> CachedItem? {
        try Self.decodeItem(row, key: key)
    }

    /// The item of `row`; nil for a class this version does not know. A payload that does not
    /// open under the key throws: the cache is not this profile's.
    private static func decodeItem(_ row: Row, key: CacheKey) throws -> CachedItem? {
        let serverID: String = row["server_id"]
        guard let kind = ItemKind(rawValue: row["class"]) else { return nil }
        let xml: String
        do {
            xml = try key.openText(row["payload"], context: itemContext(serverID))
        } catch {
            throw ClientError(
                .usage, "the cache does not open with this profile's key; remove cache.sqlite and sync again")
        }
        guard let data = try? XMLReader().read(xml) else { return nil }
        return CachedItem(serverID: serverID, folderID: row["folder_id"], kind: kind, applicationData: data)
    }

    private static func itemContext(_ serverID: String) -> String { "item \(serverID)" }
    private static func folderContext(_ serverID: String) -> String { "folder \(serverID)" }
}

/// What one Sync brought from the server for one collection.
public struct SyncCounts: Codable, Hashable, Sendable {
    public var added = 0
    public var changed = 0
    public var deleted = 0

    public init() {}

    /// The counts of `changes`.
    public init(_ changes: [ItemChange]) {
        for change in changes {
            switch change.change {
            case .added: added += 1
            case .changed: changed += 1
            case .deleted: deleted += 1
            }
        }
    }
}
