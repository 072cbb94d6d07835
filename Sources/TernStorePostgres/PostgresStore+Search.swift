import ActiveSync
import Foundation
import PostgresNIO
public import TernStore

/// Mail search on the table `mail_search`: one row per email, keyed by the item's id, with
/// its folder, its conversation, when it was received and its words (`MailSearchWords`) in
/// a GIN-indexed `tsvector`. A page is newest delivered (highest id) first.
///
/// `insertItem` indexes a new email and `updateItem` one whose text changed, in the item's
/// own transaction; the row goes with its item by cascade (also when a folder or user is
/// deleted), so a search never misses a committed message or finds a deleted one.
extension PostgresStore {
    public func searchMail(_ query: MailSearchQuery) async throws(StoreError) -> MailSearchResult {
        guard !query.folderIDs.isEmpty, query.limit > 0 else { return MailSearchResult(items: [], total: 0) }
        return try await read { session in
            let ids = try await session.rows(
                try Self.searchStatement(
                    query, select: "SELECT item_id",
                    then: "ORDER BY item_id DESC LIMIT \(query.limit) OFFSET \(max(query.offset, 0))")
            ).map { try $0.decode(Int64.self) }
            let total =
                try await session.value(Int.self, try Self.searchStatement(query, select: "SELECT COUNT(*)")) ?? 0
            let items = try await Self.items(
                session,
                """
                SELECT \(unescaped: Self.itemColumns(prefixed: true)), messages.raw
                FROM items LEFT JOIN messages ON messages.item_id = items.id WHERE items.id = ANY(\(ids)::bigint[])
                """)
            let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            return MailSearchResult(items: ids.compactMap { byID[$0] }, total: total)
        }
    }

    public func rebuildMailSearchIndex() async throws(StoreError) -> Int {
        try await writeWithoutChange { session in try await Self.indexAllMail(in: session) }
    }

    /// Builds the search index again from the stored mail, in the caller's transaction
    /// (a rebuild, and `tern migrate`, which copies items but not SQLite's index); returns how
    /// many messages it indexed.
    package static func indexAllMail(in session: PostgresSession) async throws -> Int {
        try await session.run("DELETE FROM mail_search")
        var count = 0
        try await forEachPage(of: .email, in: session) { page in
            for item in page {
                guard case .email(let email) = item.content else { continue }
                try await indexMail(email, itemID: item.id, folderID: item.folderID, in: session)
                count += 1
            }
        }
        return count
    }

    // MARK: Helpers

    /// `select` from the rows of `mail_search` that `query` matches, then `then` (order and
    /// page, integers only). An absent filter is a NULL parameter; each statement is planned
    /// with its values, so a NULL's condition folds away before the plan is made.
    private static func searchStatement(_ query: MailSearchQuery, select: String, then: String = "") throws
        -> PostgresQuery
    {
        let words = MailSearchWords.query(query.words)
        let after = query.receivedAfter?.timeIntervalSince1970
        let before = query.receivedBefore?.timeIntervalSince1970
        return try """
        \(unescaped: select) FROM mail_search WHERE folder_id = ANY(\(query.folderIDs)::bigint[])
        AND (\(words)::text IS NULL OR words @@ \(words)::tsquery)
        AND (\(query.conversationID)::bytea IS NULL OR conversation = \(query.conversationID))
        AND (\(after)::float8 IS NULL OR received > \(after))
        AND (\(before)::float8 IS NULL OR received < \(before))
        \(unescaped: then)
        """
    }

    /// Adds the search row of a new email item.
    static func indexMail(_ email: EmailItem, itemID: Int64, folderID: Folder.ID, in session: PostgresSession)
        async throws
    {
        let row = MailSearchRow(email)
        try await session.run(
            """
            INSERT INTO mail_search (item_id, folder_id, conversation, received, words)
            VALUES (\(itemID), \(folderID), \(row.conversation), \(row.received), array_to_tsvector(\(row.lexemes)::text[]))
            """)
    }

    /// Replaces the search row of an email whose message or headers changed (a draft edited);
    /// a change of read state or flag leaves it as it is.
    static func reindexMail(
        _ email: EmailItem, replacing old: EmailItem, itemID: Int64, folderID: Folder.ID, in session: PostgresSession
    ) async throws {
        guard email.changesSearch(from: old) else { return }
        try await session.run("DELETE FROM mail_search WHERE item_id = \(itemID)")
        try await indexMail(email, itemID: itemID, folderID: folderID, in: session)
    }
}

/// The values of an email's `mail_search` row besides its item and folder.
struct MailSearchRow {
    let conversation: Data?
    /// When it was received, in seconds since 1970.
    let received: Double
    let lexemes: [String]

    init(_ email: EmailItem) {
        let text = MailSearchText(email)
        conversation = email.properties.conversationID
        received = email.properties.dateReceived.timeIntervalSince1970
        lexemes = MailSearchWords.lexemes(of: [text.subject, text.sender, text.recipients, text.body])
    }
}
