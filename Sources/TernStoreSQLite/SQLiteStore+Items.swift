import ActiveSync
import Foundation
import GRDB
public import TernStore

extension SQLiteStore {
    public func addItems(_ contents: [ItemContent], to folderID: Folder.ID) async throws(StoreError) -> [Item] {
        try await write(inFolder: folderID) { transaction in
            let folder = try Self.fetchFolder(transaction.db, id: folderID)
            return try contents.map { content in try Self.insertItem(&transaction, content, into: folder) }
        }
    }

    public func addItem(_ content: ItemContent, to folderID: Folder.ID, from clientAdd: ClientAdd)
        async throws(StoreError)
        -> ClientAddOutcome
    {
        try await write(inFolder: folderID) { transaction in
            if let earlier = try String.fetchOne(
                transaction.db,
                literal: """
                    SELECT server_id FROM client_adds WHERE device_id = \(clientAdd.deviceID) AND collection = \(clientAdd.collection)
                    AND sync_key = \(clientAdd.syncKey) AND client_id = \(clientAdd.clientID)
                    """)
            {
                return .replayed(serverID: earlier)
            }
            let item = try Self.insertItem(
                &transaction, content, into: try Self.fetchFolder(transaction.db, id: folderID))
            try transaction.db.executeCached(
                literal: """
                    INSERT INTO client_adds (device_id, collection, sync_key, client_id, server_id)
                    VALUES (\(clientAdd.deviceID), \(clientAdd.collection), \(clientAdd.syncKey), \(clientAdd.clientID), \(item.serverID))
                    """)
            return .added(item)
        }
    }

    public func item(in folderID: Folder.ID, serverID: String) async throws(StoreError) -> Item? {
        try await read { db in try Self.fetchItem(db, folderID: folderID, serverID: serverID) }
    }

    public func updateItem(in folderID: Folder.ID, serverID: String, content: ItemContent) async throws(StoreError)
        -> Item
    {
        try await write(inFolder: folderID) { transaction in
            guard var item = try Self.fetchItem(transaction.db, folderID: folderID, serverID: serverID) else {
                throw StoreError(.notFound, "no item \(serverID)")
            }
            try item.checkEditable(to: content)
            let previous = item.content
            item.content = content
            item.modSeq = transaction.nextModSeq(touching: folderID)
            try transaction.db.executeCached(
                literal: """
                    UPDATE items SET properties = \(try ItemCoding.properties(content)), modseq = \(item.modSeq.rawValue) WHERE id = \(item.id)
                    """)
            if case .email(let email) = content, case .email(let old) = previous {
                try transaction.db.executeCached(
                    literal: "UPDATE messages SET raw = \(email.raw) WHERE item_id = \(item.id)")
                try Self.reindexMail(email, replacing: old, itemID: item.id, folderID: folderID, in: transaction.db)
            }
            return item
        }
    }

    public func deleteItem(in folderID: Folder.ID, serverID: String) async throws(StoreError) {
        try await write(inFolder: folderID) { transaction in
            try Self.removeItem(&transaction, folderID: folderID, serverID: serverID)
        }
    }

    public func deleteAllItems(in folderID: Folder.ID) async throws(StoreError) -> Int {
        try await write(inFolder: folderID) { transaction in
            let serverIDs = try String.fetchAll(
                transaction.db, literal: "SELECT server_id FROM items WHERE folder_id = \(folderID) ORDER BY id")
            for serverID in serverIDs { try Self.removeItem(&transaction, folderID: folderID, serverID: serverID) }
            return serverIDs.count
        }
    }

    public func moveItem(from folderID: Folder.ID, serverID: String, to destinationID: Folder.ID)
        async throws(StoreError) -> Item
    {
        try await write(inFolder: folderID) { transaction in
            guard let destination = try? Self.fetchFolder(transaction.db, id: destinationID),
                destination.userID == transaction.userID
            else {
                throw StoreError(.notFound, "no destination folder \(destinationID) for this user")
            }
            guard let item = try Self.fetchItem(transaction.db, folderID: folderID, serverID: serverID) else {
                throw StoreError(.notFound, "no item \(serverID)")
            }
            try Self.removeItem(&transaction, folderID: folderID, serverID: serverID)
            return try Self.insertItem(&transaction, item.content, into: destination)
        }
    }

    public func itemChanges(in folderID: Folder.ID, since: ModSeq, limit: Int) async throws(StoreError) -> ItemChanges {
        try await read { db in
            let changed = try ItemCoding.items(
                Row.fetchAll(
                    db,
                    literal: """
                        SELECT items.*, messages.raw FROM items LEFT JOIN messages ON messages.item_id = items.id
                        WHERE items.folder_id = \(folderID) AND items.modseq > \(since.rawValue) ORDER BY items.modseq LIMIT \(limit)
                        """))
            let through = changed.count == limit ? changed.last?.modSeq.rawValue : nil
            let removed = try Row.fetchAll(
                db,
                literal: """
                    SELECT server_id, modseq FROM item_tombstones WHERE folder_id = \(folderID) AND modseq > \(since.rawValue)
                    AND modseq <= \(through ?? Int64.max) ORDER BY modseq
                    """
            ).map { ItemChanges.Removal(serverID: $0["server_id"], modSeq: ModSeq(rawValue: $0["modseq"])) }
            let latest =
                try Int64.fetchOne(
                    db,
                    literal: """
                        SELECT users.modseq FROM users JOIN folders ON folders.user_id = users.id WHERE folders.id = \(folderID)
                        """) ?? since.rawValue
            return ItemChanges(changed: changed, removed: removed, through: ModSeq(rawValue: through ?? latest))
        }
    }

    public func itemCount(in folderID: Folder.ID) async throws(StoreError) -> Int {
        try await read { db in
            try Int.fetchOne(db, literal: "SELECT COUNT(*) FROM items WHERE folder_id = \(folderID)") ?? 0
        }
    }

    // MARK: Helpers

    static func owner(of folderID: Folder.ID, in db: Database) throws -> User.ID {
        guard let owner = try User.ID.fetchOne(db, literal: "SELECT user_id FROM folders WHERE id = \(folderID)") else {
            throw StoreError(.notFound, "no folder with id \(folderID)")
        }
        return owner
    }

    static func insertItem(_ transaction: inout WriteTransaction, _ content: ItemContent, into folder: Folder) throws
        -> Item
    {
        try folder.checkHolds(content)
        let db = transaction.db
        guard
            let number = try Int64.fetchOne(db, literal: "SELECT next_item_number FROM folders WHERE id = \(folder.id)")
        else {
            throw StoreError(.notFound, "no folder with id \(folder.id)")
        }
        try db.executeCached(literal: "UPDATE folders SET next_item_number = \(number + 1) WHERE id = \(folder.id)")
        let serverID = "\(folder.serverID):\(number)"
        let modSeq = transaction.nextModSeq(touching: folder.id)
        try db.executeCached(
            literal: """
                INSERT INTO items (folder_id, server_id, class, properties, modseq)
                VALUES (\(folder.id), \(serverID), \(ItemCoding.className(content)), \(try ItemCoding.properties(content)), \(modSeq.rawValue))
                """)
        let id = db.lastInsertedRowID
        if case .email(let email) = content {
            try db.executeCached(literal: "INSERT INTO messages (item_id, raw) VALUES (\(id), \(email.raw))")
            try indexMail(email, itemID: id, folderID: folder.id, in: db)
        }
        return Item(id: id, folderID: folder.id, serverID: serverID, content: content, modSeq: modSeq)
    }

    private static func removeItem(_ transaction: inout WriteTransaction, folderID: Folder.ID, serverID: String) throws
    {
        try transaction.db.executeCached(
            literal: "DELETE FROM items WHERE folder_id = \(folderID) AND server_id = \(serverID)")
        guard transaction.db.changesCount == 1 else { throw StoreError(.notFound, "no item \(serverID)") }
        let modSeq = transaction.nextModSeq(touching: folderID)
        try transaction.db.executeCached(
            literal: """
                INSERT OR REPLACE INTO item_tombstones (folder_id, server_id, modseq) VALUES (\(folderID), \(serverID), \(modSeq.rawValue))
                """)
    }

    public func event(uid: String, in folderID: Folder.ID) async throws(StoreError) -> Item? {
        try await read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT items.*, NULL AS raw FROM items
                    WHERE folder_id = ? AND class = 'Calendar' AND \(Self.eventUIDExpression) = ? LIMIT 1
                    """, arguments: [folderID, uid]
            ).map(ItemCoding.item)
        }
    }

    /// An event's UID as SQL, the expression `items_by_event_uid` indexes (a query must spell it the same).
    static let eventUIDExpression = "json_extract(CAST(properties AS TEXT), '$.uid')"

    static func fetchItem(_ db: Database, folderID: Folder.ID, serverID: String) throws -> Item? {
        try Row.fetchOne(
            db,
            literal: """
                SELECT items.*, messages.raw FROM items LEFT JOIN messages ON messages.item_id = items.id
                WHERE items.folder_id = \(folderID) AND items.server_id = \(serverID)
                """
        ).map(ItemCoding.item)
    }
}
