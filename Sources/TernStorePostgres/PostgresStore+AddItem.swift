import ActiveSync
import Foundation
import PostgresNIO
public import TernStore

/// Adding one item, the write every delivered message is, in one statement: the owner's
/// modseq and change-log number, the folder's next item number, the item, its message and
/// search rows, the change log and the NOTIFYs. A single statement commits whole or not at
/// all without BEGIN and COMMIT, so the add costs one round trip where the general write path
/// (`insertItem` in a `WriteTransaction`) costs nine, and, prepared, no planning.
///
/// It keeps the write path's order of locks: the owner's row is updated (locked) first,
/// and the folder's row is updated only through a row of that update, so a writer holding
/// the user's lock is never waited for while holding a folder's. Under READ COMMITTED an
/// `UPDATE` that waited for a row's lock works on the row as the writer before it committed
/// it, so modseqs and item numbers are taken one after another as in a transaction.
extension PostgresStore {
    public func addItem(_ content: ItemContent, to folderID: Folder.ID) async throws(StoreError) -> Item {
        let (item, logged) = try await writeStatement { session -> (Item, LoggedCommit) in
            let statement = try AddItemStatement(content, to: folderID)
            guard let (id, serverID, modSeq, userID, logSeq) = try await session.rows(statement).first else {
                try await Self.fetchFolder(session, id: folderID).checkHolds(content)
                throw StoreError(.database, "adding to folder \(folderID) wrote nothing")
            }
            return (
                Item(
                    id: id, folderID: folderID, serverID: serverID, content: content, modSeq: ModSeq(rawValue: modSeq)),
                LoggedCommit(
                    userID: userID, logSeq: logSeq,
                    change: statement.detail.change(of: userID, at: ModSeq(rawValue: modSeq))
                )
            )
        }
        feed.committed(logged)
        return item
    }
}

/// The statement, prepared once on each pooled connection, so that PostgreSQL plans it once
/// there rather than on every delivery (planning it took longer than running it). It writes
/// nothing and returns no row when the folder does not exist or holds another class of item.
struct AddItemStatement: PostgresPreparedStatement {
    /// The new item's id, server id and modseq, and its commit's user and change-log number.
    typealias Row = (Int64, String, Int64, Int64, Int64)

    /// $1 folder, $2 the folder types that hold the item's class, $3 class, $4 properties,
    /// $5 event UID, $6 message bytes; for mail (else NULL) the search row's $7 conversation,
    /// $8 time received and $9 words; $10 what the NOTIFY says changed (`detail`).
    static let sql = """
        WITH owner AS (
            UPDATE users SET modseq = users.modseq + 1, log_seq = users.log_seq + 1 FROM folders
            WHERE folders.id = $1 AND users.id = folders.user_id AND folders.type = ANY($2::int[])
            RETURNING users.id, users.modseq, users.log_seq, users.wake_nodes
        ), numbered AS (
            UPDATE folders SET next_item_number = folders.next_item_number + 1 FROM owner
            WHERE folders.id = $1
            RETURNING folders.server_id || ':' || (folders.next_item_number - 1) AS server_id
        ), item AS (
            INSERT INTO items (folder_id, server_id, class, properties, modseq, event_uid)
            SELECT $1, numbered.server_id, $3, $4, owner.modseq, $5::text FROM owner, numbered
            RETURNING id, server_id, modseq
        ), message AS (
            INSERT INTO messages (item_id, raw) SELECT id, $6::bytea FROM item WHERE $6::bytea IS NOT NULL
        ), search AS (
            INSERT INTO mail_search (item_id, folder_id, conversation, received, words)
            SELECT id, $1, $7::bytea, $8::float8, array_to_tsvector($9::text[]) FROM item WHERE $9::text[] IS NOT NULL
        ), logged AS (
            INSERT INTO commit_log (user_id, log_seq, modseq, folder_id) SELECT id, log_seq, modseq, $1 FROM owner
        )
        SELECT item.id, item.server_id, item.modseq, owner.id, owner.log_seq, \(LoggedCommit.notifications(
            payload: "concat_ws(' ', owner.id, owner.log_seq, owner.modseq, $10::text)", wakeNodes: "owner.wake_nodes"))
        FROM item, owner
        """

    /// What the commit changes: the folder's items.
    let detail: LoggedCommit.Detail
    private let bindings: PostgresBindings

    init(_ content: ItemContent, to folderID: Folder.ID) throws {
        let holdingTypes = (1...19).map(FolderType.init(rawValue:)).filter { $0.itemClass == content.itemClass }
        let email: EmailItem? = if case .email(let email) = content { email } else { nil }
        let search = email.map(MailSearchRow.init)
        var bindings = PostgresBindings()
        bindings.append(folderID)
        bindings.append(holdingTypes.map(\.rawValue))
        bindings.append(ItemCoding.className(content))
        try bindings.append(ItemCoding.properties(content))
        bindings.append(PostgresStore.eventUID(content))
        try bindings.append(email?.raw)
        try bindings.append(search?.conversation)
        bindings.append(search?.received)
        bindings.append(search?.lexemes)
        detail = LoggedCommit.Detail(
            folderIDs: [folderID], deviceID: nil, hierarchyChanged: false, policyChanged: false)
        bindings.append(detail.payload)
        self.bindings = bindings
    }

    func makeBindings() -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        let (id, serverID, modSeq, userID, logSeq, _) = try row.decode(
            (Int64, String, Int64, Int64, Int64, Int64).self)
        return (id, serverID, modSeq, userID, logSeq)
    }
}
