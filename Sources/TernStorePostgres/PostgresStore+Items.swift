import ActiveSync
import Foundation
import PostgresNIO
public import TernStore

extension PostgresStore {
    public func addItems(_ contents: [ItemContent], to folderID: Folder.ID) async throws(StoreError) -> [Item] {
        try await write(inFolder: folderID) { transaction in
            let folder = try await Self.fetchFolder(transaction.session, id: folderID)
            var items: [Item] = []
            for content in contents { items.append(try await Self.insertItem(&transaction, content, into: folder)) }
            return items
        }
    }

    public func addItem(_ content: ItemContent, to folderID: Folder.ID, from clientAdd: ClientAdd)
        async throws(StoreError) -> ClientAddOutcome
    {
        try await write(inFolder: folderID) { transaction in
            let session = transaction.session
            if let earlier = try await session.value(
                String.self,
                """
                SELECT server_id FROM client_adds WHERE device_id = \(clientAdd.deviceID)
                AND collection = \(clientAdd.collection) AND sync_key = \(clientAdd.syncKey)
                AND client_id = \(clientAdd.clientID)
                """)
            {
                return .replayed(serverID: earlier)
            }
            let item = try await Self.insertItem(
                &transaction, content, into: try await Self.fetchFolder(session, id: folderID))
            try await session.run(
                """
                INSERT INTO client_adds (device_id, collection, sync_key, client_id, server_id)
                VALUES (\(clientAdd.deviceID), \(clientAdd.collection), \(clientAdd.syncKey), \(clientAdd.clientID),
                \(item.serverID))
                """)
            return .added(item)
        }
    }

    public func item(in folderID: Folder.ID, serverID: String) async throws(StoreError) -> Item? {
        try await readStatement { session in try await Self.fetchItem(session, folderID: folderID, serverID: serverID) }
    }

    public func event(uid: String, in folderID: Folder.ID) async throws(StoreError) -> Item? {
        try await readStatement { session in
            try await Self.items(
                session,
                """
                SELECT \(unescaped: Self.itemColumns), NULL::bytea FROM items
                WHERE folder_id = \(folderID) AND class = 'Calendar' AND event_uid = \(Self.indexable(uid)) ORDER BY id LIMIT 1
                """
            ).first
        }
    }

    public func updateItem(in folderID: Folder.ID, serverID: String, content: ItemContent) async throws(StoreError)
        -> Item
    {
        try await write(inFolder: folderID) { transaction in
            let session = transaction.session
            guard var item = try await Self.fetchItem(session, folderID: folderID, serverID: serverID) else {
                throw StoreError(.notFound, "no item \(serverID)")
            }
            try item.checkEditable(to: content)
            let previous = item.content
            item.content = content
            item.modSeq = transaction.nextModSeq(touching: folderID)
            try await session.run(
                """
                UPDATE items SET properties = \(try ItemCoding.properties(content)), modseq = \(item.modSeq.rawValue),
                event_uid = \(Self.eventUID(content)) WHERE id = \(item.id)
                """)
            if case .email(let email) = content, case .email(let old) = previous {
                try await session.run("UPDATE messages SET raw = \(email.raw) WHERE item_id = \(item.id)")
                try await Self.reindexMail(email, replacing: old, itemID: item.id, folderID: folderID, in: session)
            }
            return item
        }
    }

    public func deleteItem(in folderID: Folder.ID, serverID: String) async throws(StoreError) {
        try await write(inFolder: folderID) { transaction in
            try await Self.removeItem(&transaction, folderID: folderID, serverID: serverID)
        }
    }

    public func deleteAllItems(in folderID: Folder.ID) async throws(StoreError) -> Int {
        try await write(inFolder: folderID) { transaction in
            let serverIDs = try await transaction.session.rows(
                "SELECT server_id FROM items WHERE folder_id = \(folderID) ORDER BY id"
            ).map { try $0.decode(String.self) }
            for serverID in serverIDs {
                try await Self.removeItem(&transaction, folderID: folderID, serverID: serverID)
            }
            return serverIDs.count
        }
    }

    public func moveItem(from folderID: Folder.ID, serverID: String, to destinationID: Folder.ID)
        async throws(StoreError) -> Item
    {
        try await write(inFolder: folderID) { transaction in
            let session = transaction.session
            guard let destination = try? await Self.fetchFolder(session, id: destinationID),
                destination.userID == transaction.userID
            else {
                throw StoreError(.notFound, "no destination folder \(destinationID) for this user")
            }
            guard let item = try await Self.fetchItem(session, folderID: folderID, serverID: serverID) else {
                throw StoreError(.notFound, "no item \(serverID)")
            }
            try await Self.removeItem(&transaction, folderID: folderID, serverID: serverID)
            return try await Self.insertItem(&transaction, item.content, into: destination)
        }
    }

    /// One prepared statement (`ItemChangesStatement`), so one snapshot and one round trip:
    /// the page of changed items (`c` rows), the tombstones up to the page's last modseq when
    /// the page is full, else all of them (`t`), and the user's modseq (`u`).
    public func itemChanges(in folderID: Folder.ID, since: ModSeq, limit: Int) async throws(StoreError) -> ItemChanges {
        // As SQLite reads LIMIT, a negative limit is none at all (NULL is PostgreSQL's ALL).
        let bound = limit < 0 ? nil : Int64(limit)
        return try await readStatement { session in
            let rows = try await session.rows(
                ItemChangesStatement(folderID: folderID, since: since.rawValue, limit: bound))
            var changed: [StoredItem] = []
            var removed: [ItemChanges.Removal] = []
            var latest = since.rawValue
            for row in rows {
                let (kind, id, folder, serverID, className, properties, modSeq, raw) = try row.decode(
                    (String, Int64?, Int64?, String?, String?, Data?, Int64, Data?).self)
                switch (kind, id, folder, serverID, className, properties) {
                case ("c", let id?, let folder?, let serverID?, let className?, let properties?):
                    changed.append(
                        StoredItem(
                            id: id, folderID: folder, serverID: serverID, className: className,
                            properties: properties, raw: raw, modSeq: modSeq))
                case ("t", _, _, let serverID?, _, _):
                    removed.append(ItemChanges.Removal(serverID: serverID, modSeq: ModSeq(rawValue: modSeq)))
                case ("u", _, _, _, _, _):
                    latest = modSeq
                default:
                    throw StoreError(.database, "itemChanges read a row of kind \(kind) it cannot place")
                }
            }
            let through = changed.count == limit ? changed.last?.modSeq : nil
            return ItemChanges(
                changed: try ItemCoding.items(changed), removed: removed, through: ModSeq(rawValue: through ?? latest))
        }
    }

    public func itemCount(in folderID: Folder.ID) async throws(StoreError) -> Int {
        try await readStatement { session in
            try await session.value(Int.self, "SELECT COUNT(*) FROM items WHERE folder_id = \(folderID)") ?? 0
        }
    }

    // MARK: Helpers

    static func insertItem(_ transaction: inout WriteTransaction, _ content: ItemContent, into folder: Folder)
        async throws -> Item
    {
        try folder.checkHolds(content)
        let session = transaction.session
        guard
            let number = try await session.value(
                Int64.self,
                """
                UPDATE folders SET next_item_number = next_item_number + 1 WHERE id = \(folder.id)
                RETURNING next_item_number - 1
                """)
        else {
            throw StoreError(.notFound, "no folder with id \(folder.id)")
        }
        let serverID = "\(folder.serverID):\(number)"
        let modSeq = transaction.nextModSeq(touching: folder.id)
        guard
            let id = try await session.value(
                Int64.self,
                """
                INSERT INTO items (folder_id, server_id, class, properties, modseq, event_uid)
                VALUES (\(folder.id), \(serverID), \(ItemCoding.className(content)), \(try ItemCoding.properties(content)),
                \(modSeq.rawValue), \(eventUID(content))) RETURNING id
                """)
        else { throw StoreError(.database, "a new item got no id") }
        if case .email(let email) = content {
            try await session.run("INSERT INTO messages (item_id, raw) VALUES (\(id), \(email.raw))")
            try await indexMail(email, itemID: id, folderID: folder.id, in: session)
        }
        return Item(id: id, folderID: folder.id, serverID: serverID, content: content, modSeq: modSeq)
    }

    private static func removeItem(_ transaction: inout WriteTransaction, folderID: Folder.ID, serverID: String)
        async throws
    {
        let removed = try await transaction.session.run(
            "DELETE FROM items WHERE folder_id = \(folderID) AND server_id = \(serverID) RETURNING id")
        guard removed == 1 else { throw StoreError(.notFound, "no item \(serverID)") }
        let modSeq = transaction.nextModSeq(touching: folderID)
        try await transaction.session.run(
            """
            INSERT INTO item_tombstones (folder_id, server_id, modseq) VALUES (\(folderID), \(serverID), \(modSeq.rawValue))
            ON CONFLICT (folder_id, server_id) DO UPDATE SET modseq = excluded.modseq
            """)
    }

    /// Sets `event_uid` of every calendar item from its properties, in the caller's
    /// transaction: `tern migrate` copies SQLite's items, which keep the UID only inside them.
    package static func fillEventUIDs(in session: PostgresSession) async throws {
        try await forEachPage(of: .calendar, in: session) { page in
            let uids = page.compactMap { item in eventUID(item.content).map { (item.id, $0) } }
            try await session.run(
                """
                UPDATE items SET event_uid = given.uid
                FROM unnest(\(uids.map(\.0))::bigint[], \(uids.map(\.1))::text[]) AS given (id, uid)
                WHERE items.id = given.id
                """)
        }
    }

    /// Calls `body` with the stored items of `itemClass` and their messages, a page at a time
    /// in id order, so that a large store is never all in memory.
    static func forEachPage(
        of itemClass: ItemClass, in session: PostgresSession, _ body: ([Item]) async throws -> Void
    ) async throws {
        var last: Item.ID = 0
        while true {
            let page = try await items(
                session,
                """
                SELECT \(unescaped: itemColumns(prefixed: true)), messages.raw
                FROM items LEFT JOIN messages ON messages.item_id = items.id
                WHERE items.class = \(itemClass.rawValue) AND items.id > \(last) ORDER BY items.id LIMIT \(itemPage)
                """)
            try await body(page)
            guard let next = page.last?.id, page.count == itemPage else { return }
            last = next
        }
    }

    /// How many items `forEachPage` reads at a time.
    private static let itemPage = 256

    /// An event's iCalendar UID, kept in its own indexed column for meeting mail, without
    /// NUL characters, which PostgreSQL text cannot hold (the item itself keeps them).
    static func eventUID(_ content: ItemContent) -> String? {
        if case .event(let event) = content { return indexable(event.uid) }
        return nil
    }

    private static func indexable(_ uid: String) -> String { uid.replacingOccurrences(of: "\0", with: "") }

    static func fetchItem(_ session: PostgresSession, folderID: Folder.ID, serverID: String) async throws -> Item? {
        try await items(
            session,
            """
            SELECT \(unescaped: itemColumns(prefixed: true)), messages.raw
            FROM items LEFT JOIN messages ON messages.item_id = items.id
            WHERE items.folder_id = \(folderID) AND items.server_id = \(serverID)
            """
        ).first
    }

    /// The `items` columns `items(_:_:)` reads, in its order, before the message's bytes.
    static let itemColumns = itemColumns(prefixed: false)

    static func itemColumns(prefixed: Bool) -> String {
        ["id", "folder_id", "server_id", "class", "properties", "modseq"].map { prefixed ? "items.\($0)" : $0 }
            .joined(separator: ", ")
    }

    /// The items a query of `itemColumns` and the message's bytes (or NULL) finds.
    static func items(_ session: PostgresSession, _ query: PostgresQuery) async throws -> [Item] {
        let stored = try await session.rows(query).map { row in
            let (id, folderID, serverID, className, properties, modSeq, raw) = try row.decode(
                (Int64, Int64, String, String, Data, Int64, Data?).self)
            return StoredItem(
                id: id, folderID: folderID, serverID: serverID, className: className, properties: properties, raw: raw,
                modSeq: modSeq)
        }
        return try ItemCoding.items(stored)
    }
}

/// `itemChanges`' statement, prepared once on each pooled connection: Sync asks it for every
/// collection, and Ping for every watched folder, and PostgreSQL took ten times longer to plan
/// it than to run it. $1 folder, $2 the modseq after which, $3 the page's size (NULL: all).
private struct ItemChangesStatement: PostgresPreparedStatement {
    typealias Row = PostgresRow

    static let sql = """
        WITH changed AS (
            SELECT \(PostgresStore.itemColumns(prefixed: true)), messages.raw
            FROM items LEFT JOIN messages ON messages.item_id = items.id
            WHERE items.folder_id = $1 AND items.modseq > $2
            ORDER BY items.modseq LIMIT $3
        ), page_end AS (
            SELECT max(modseq) AS modseq FROM changed HAVING count(*) = $3
        )
        SELECT 'c' AS kind, id, folder_id, server_id, class, properties, modseq, raw FROM changed
        UNION ALL
        SELECT 't', NULL, NULL, server_id, NULL, NULL, modseq, NULL FROM item_tombstones
        WHERE folder_id = $1 AND modseq > $2 AND modseq <= COALESCE((SELECT modseq FROM page_end), \(Int64.max))
        UNION ALL
        SELECT 'u', NULL, NULL, NULL, NULL, NULL, users.modseq, NULL
        FROM users JOIN folders ON folders.user_id = users.id WHERE folders.id = $1
        ORDER BY kind, modseq
        """

    let folderID: Folder.ID
    let since: Int64
    let limit: Int64?

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(folderID)
        bindings.append(since)
        bindings.append(limit)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
