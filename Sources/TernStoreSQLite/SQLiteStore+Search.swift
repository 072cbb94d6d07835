import Foundation
import GRDB
public import TernStore

/// Mail search on the SQLite FTS5 table `mail_search`: one row per email, its rowid the
/// item's id, holding the text columns of `MailSearchText`, a `scope` column of tokens for
/// its folder (`f17`) and conversation (`c` and 32 hex digits), and, unindexed, the time it
/// was received. Folder and conversation filters are index lookups like the words, so a
/// page is chosen without reading any row, newest delivered (highest id) first.
///
/// `insertItem` indexes a new email and `updateItem` one whose text changed, in the item's
/// own transaction; a trigger removes the row with its item (also when a folder or user is
/// deleted), so a search never misses a committed message or finds a deleted one. The
/// tokenizer folds case and removes diacritics: "zurich" finds "Zürich".
extension SQLiteStore {
    public func searchMail(_ query: MailSearchQuery) async throws(StoreError) -> MailSearchResult {
        guard !query.folderIDs.isEmpty, query.limit > 0 else { return MailSearchResult(items: [], total: 0) }
        return try await read { db in
            let filter = Self.searchFilter(query)
            let ids = try Int64.fetchAll(
                db,
                literal: """
                    SELECT rowid FROM mail_search WHERE \(filter)
                    ORDER BY rowid DESC LIMIT \(query.limit) OFFSET \(max(query.offset, 0))
                    """)
            let total = try Int.fetchOne(db, literal: "SELECT COUNT(*) FROM mail_search WHERE \(filter)") ?? 0
            let items = try ItemCoding.items(
                Row.fetchAll(
                    db,
                    literal: """
                        SELECT items.*, messages.raw FROM items LEFT JOIN messages ON messages.item_id = items.id
                        WHERE items.id IN \(ids)
                        """))
            let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            return MailSearchResult(items: ids.compactMap { byID[$0] }, total: total)
        }
    }

    public func rebuildMailSearchIndex() async throws(StoreError) -> Int {
        try await writeWithoutChange { db in
            try db.execute(sql: "DELETE FROM mail_search")
            return try Self.indexAllMail(db)
        }
    }

    // MARK: Helpers

    /// The WHERE clause of a search: one MATCH of the scope tokens and the words as prefix
    /// terms of the text columns (each quoted, so nothing a user types is read as FTS syntax),
    /// then the date filters, which read the rows the MATCH leaves.
    private static func searchFilter(_ query: MailSearchQuery) -> SQL {
        var expression = "scope : (\(query.folderIDs.map { "f\($0)" }.joined(separator: " OR ")))"
        if let conversation = query.conversationID { expression += " AND scope : \(conversationToken(conversation))" }
        for word in query.words {
            expression +=
                " AND {subject sender recipients body} : \"\(word.replacingOccurrences(of: "\"", with: "\"\""))\"*"
        }
        var conditions: [SQL] = ["mail_search MATCH \(expression)"]
        if let after = query.receivedAfter { conditions.append("received > \(after.timeIntervalSince1970)") }
        if let before = query.receivedBefore { conditions.append("received < \(before.timeIntervalSince1970)") }
        return conditions.joined(separator: " AND ")
    }

    /// The scope token of a conversation: `c` and its id in hex.
    private static func conversationToken(_ id: Data) -> String {
        "c" + id.map { String(format: "%02x", $0) }.joined()
    }

    /// Adds the search row of a new email item.
    static func indexMail(_ email: EmailItem, itemID: Int64, folderID: Folder.ID, in db: Database) throws {
        let text = MailSearchText(email)
        let properties = email.properties
        let scope = ["f\(folderID)", properties.conversationID.map(conversationToken)].compactMap { $0 }.joined(
            separator: " ")
        try db.executeCached(
            literal: """
                INSERT INTO mail_search (rowid, subject, sender, recipients, body, scope, received)
                VALUES (\(itemID), \(text.subject), \(text.sender), \(text.recipients), \(text.body), \(scope),
                \(properties.dateReceived.timeIntervalSince1970))
                """)
    }

    /// Replaces the search row of an email whose message or headers changed (a draft edited);
    /// a change of read state or flag leaves it as it is.
    static func reindexMail(
        _ email: EmailItem, replacing old: EmailItem, itemID: Int64, folderID: Folder.ID, in db: Database
    )
        throws
    {
        guard email.changesSearch(from: old) else { return }
        try db.executeCached(literal: "DELETE FROM mail_search WHERE rowid = \(itemID)")
        try indexMail(email, itemID: itemID, folderID: folderID, in: db)
    }

    /// Indexes every stored email (the migration that creates the index, and a rebuild);
    /// returns how many.
    static func indexAllMail(_ db: Database) throws -> Int {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT items.*, messages.raw FROM items LEFT JOIN messages ON messages.item_id = items.id
                WHERE items.class = 'Email'
                """)
        var count = 0
        while let row = try rows.next() {
            let item = try ItemCoding.item(row)
            guard case .email(let email) = item.content else { continue }
            try indexMail(email, itemID: item.id, folderID: item.folderID, in: db)
            count += 1
        }
        return count
    }
}
