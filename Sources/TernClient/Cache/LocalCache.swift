public import ActiveSync
import Foundation
import GRDB
import WBXML

/// The device's local copy in `cache.sqlite`: folders, items and sync keys.
///
/// Every response is applied in one transaction together with the sync key it brought, so a
/// crash leaves either the old key with the old items or the new key with the new ones, and
/// the next Sync (with the key on disk) picks up from there.
public final class LocalCache: Sendable {
    private let queue: DatabaseQueue

    /// The collection id under which the hierarchy's sync key is kept.
    static let hierarchyCollection = ""

    /// Opens (or creates) the cache at `path` and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
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
            try String.fetchOne(db, SQLRequest<String>(literal: "SELECT sync_key FROM sync_keys WHERE collection_id = \(collectionID)"))
        } ?? "0"
    }

    /// The hierarchy's key, `0` before the first FolderSync.
    public func hierarchySyncKey() throws -> String {
        try syncKey(for: Self.hierarchyCollection)
    }

    private static func store(_ key: String, for collectionID: String, in db: Database) throws {
        try db.execute(literal: """
            INSERT INTO sync_keys (collection_id, sync_key) VALUES (\(collectionID), \(key))
            ON CONFLICT (collection_id) DO UPDATE SET sync_key = excluded.sync_key
            """)
    }

    // MARK: Folders

    /// Every folder, by name, with the number of cached items in each.
    public func folders() throws -> [CachedFolder] {
        try queue.read { db in
            try Row.fetchAll(db, SQLRequest<Row>(literal: """
                SELECT f.server_id, f.parent_id, f.display_name, f.type,
                    (SELECT COUNT(*) FROM items i WHERE i.folder_id = f.server_id) AS item_count,
                    EXISTS (SELECT 1 FROM sync_keys k WHERE k.collection_id = f.server_id AND k.sync_key != '0') AS synced
                FROM folders f ORDER BY f.display_name, f.server_id
                """)).map { row in
                CachedFolder(
                    serverID: row["server_id"], parentID: row["parent_id"], name: row["display_name"], type: row["type"],
                    itemCount: row["item_count"], isSynced: row["synced"])
            }
        }
    }

    /// Applies a FolderSync response and stores its key; returns (added, updated, deleted).
    /// A deleted folder takes its items and sync key with it.
    @discardableResult
    public func apply(_ response: FolderSyncResponse) throws -> (added: Int, updated: Int, deleted: Int) {
        try queue.write { db in
            for entry in response.added + response.updated {
                try db.execute(literal: """
                    INSERT INTO folders (server_id, parent_id, display_name, type)
                    VALUES (\(entry.serverID), \(entry.parentID), \(entry.displayName), \(entry.type))
                    ON CONFLICT (server_id) DO UPDATE SET parent_id = excluded.parent_id,
                        display_name = excluded.display_name, type = excluded.type
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
            try Row.fetchAll(db, SQLRequest<Row>(literal: """
                SELECT server_id, folder_id, class, application_data FROM items WHERE folder_id = \(folderID) ORDER BY server_id
                """)).compactMap(Self.item)
        }
    }

    /// The cached item with `serverID`, in any folder.
    public func item(_ serverID: String) throws -> CachedItem? {
        try queue.read { db in
            try Row.fetchOne(db, SQLRequest<Row>(literal: """
                SELECT server_id, folder_id, class, application_data FROM items WHERE server_id = \(serverID)
                """)).flatMap(Self.item)
        }
    }

    /// Drops a collection's items and key, for a restart from key 0 (Sync Status 3).
    public func reset(_ folderID: String) throws {
        try queue.write { db in
            try db.execute(literal: "DELETE FROM items WHERE folder_id = \(folderID)")
            try db.execute(literal: "DELETE FROM sync_keys WHERE collection_id = \(folderID)")
        }
    }

    /// Applies one collection of a Sync response with its new key: the server's commands, then
    /// the outcome of what this device `sent` (an Add answered with a ServerId is cached with
    /// the data sent; a Delete is dropped unless the server refused it).
    ///
    /// An email Change carries only the properties that changed (flags, read state), so it is
    /// merged into the cached data; the other classes get the whole item and replace it.
    public func apply(
        _ collection: SyncCollectionResponse, kind: ItemKind, sent: [SyncClientCommand] = []
    ) throws -> SyncCounts {
        try queue.write { db in
            var counts = SyncCounts()
            for command in collection.commands {
                switch command {
                case .add(let serverID, let data):
                    try Self.save(serverID, folderID: collection.collectionID, kind: kind, data: data, in: db)
                    counts.added += 1
                case .change(let serverID, let data):
                    try Self.change(serverID, folderID: collection.collectionID, kind: kind, data: data, in: db)
                    counts.changed += 1
                case .delete(let serverID), .softDelete(let serverID):
                    try db.execute(literal: "DELETE FROM items WHERE server_id = \(serverID)")
                    counts.deleted += 1
                }
            }
            for command in sent {
                try Self.applyOutcome(of: command, replies: collection.replies, folderID: collection.collectionID, kind: kind, in: db)
            }
            if let key = collection.syncKey { try Self.store(key, for: collection.collectionID, in: db) }
            return counts
        }
    }

    private static func applyOutcome(
        of command: SyncClientCommand, replies: [SyncCollectionResponse.Reply], folderID: String, kind: ItemKind, in db: Database
    ) throws {
        switch command {
        case .add(let clientID, let data):
            for case .add(clientID, let serverID?, SyncStatus.success) in replies {
                try save(serverID, folderID: folderID, kind: kind, data: data, in: db)
            }
        case .change(let serverID, _, let data):
            let status = replies.lazy.compactMap { reply -> Int? in
                guard case .change(serverID, let status) = reply else { return nil }
                return status
            }.first
            if status == nil || status == SyncStatus.success { try change(serverID, folderID: folderID, kind: kind, data: data, in: db) }
        case .delete(let serverID, _):
            let status = replies.lazy.compactMap { reply -> Int? in
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

    private static func save(_ serverID: String, folderID: String, kind: ItemKind, data: WBXMLElement, in db: Database) throws {
        let xml = XMLWriter(indents: false).write(data)
        try db.execute(literal: """
            INSERT INTO items (server_id, folder_id, class, application_data) VALUES (\(serverID), \(folderID), \(kind.rawValue), \(xml))
            ON CONFLICT (server_id) DO UPDATE SET folder_id = excluded.folder_id, class = excluded.class,
                application_data = excluded.application_data
            """)
    }

    private static func change(_ serverID: String, folderID: String, kind: ItemKind, data: WBXMLElement, in db: Database) throws {
        var merged = data
        if kind == .email,
            let row = try Row.fetchOne(db, SQLRequest<Row>(literal: "SELECT application_data FROM items WHERE server_id = \(serverID)")),
            let old = try? XMLReader().read(row["application_data"] as String)
        {
            let changedTags = Set(data.elements.map(\.tag))
            merged = WBXMLElement(data.tag, elements: old.elements.filter { !changedTags.contains($0.tag) } + data.elements)
        }
        try save(serverID, folderID: folderID, kind: kind, data: merged, in: db)
    }

    private static func item(_ row: Row) -> CachedItem? {
        guard let kind = ItemKind(rawValue: row["class"]), let data = try? XMLReader().read(row["application_data"] as String) else {
            return nil
        }
        return CachedItem(serverID: row["server_id"], folderID: row["folder_id"], kind: kind, applicationData: data)
    }
}

/// What one Sync brought from the server for one collection.
public struct SyncCounts: Codable, Hashable, Sendable {
    public var added = 0
    public var changed = 0
    public var deleted = 0

    public init() {}

    static func + (lhs: SyncCounts, rhs: SyncCounts) -> SyncCounts {
        var sum = lhs
        sum.added += rhs.added
        sum.changed += rhs.changed
        sum.deleted += rhs.deleted
        return sum
    }
}
