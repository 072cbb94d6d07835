import PostgresNIO
import TernStore

/// A transaction's place in the change log: the user (or `StoreChange.everyUser`) whose
/// changes it holds and its number among them. Per user, these numbers are taken under the
/// user's row lock, so they commit in order: a reader that has seen N has seen every earlier
/// one. The default policy's stream, which has no user row, is numbered by policy version,
/// taken under the policy table's lock.
struct LoggedCommit: Hashable, Sendable {
    let userID: User.ID
    let logSeq: Int64

    /// The NOTIFY channel of the store's schema, as SQL: channels are per database, and
    /// stores in different schemas of one database (tests, or several deployments) must not
    /// hear each other's user ids. A digest keeps the name within PostgreSQL's 63 bytes.
    /// The payload is `USER LOGSEQ MODSEQ`.
    static let channelExpression = "'tern_changes:' || md5(current_schema())"

    /// Reads a NOTIFY payload; nil for one that is not ours (the feed then reads the log).
    init?(payload: String) {
        let fields = payload.split(separator: " ")
        guard fields.count == 3, let userID = User.ID(fields[0]), let logSeq = Int64(fields[1]) else { return nil }
        self.init(userID: userID, logSeq: logSeq)
    }

    init(userID: User.ID, logSeq: Int64) {
        self.userID = userID
        self.logSeq = logSeq
    }
}

/// The `commit_log` rows of one transaction, as SQLite writes them (one per folder whose
/// items changed, one for a change of the hierarchy, a device or the policy), written with
/// the stream's next number and the NOTIFY in one statement: a write pays one round trip
/// for its bookkeeping.
struct ChangeLogEntry {
    let userID: User.ID
    /// The user's new modseq, for a change of folders or items; nil for one that bumps none.
    var newModSeq: ModSeq?
    /// The number of a default-policy change (`userID` is `StoreChange.everyUser`): its version.
    var defaultPolicyVersion: Int64?
    var folderIDs: [Folder.ID] = []
    var hierarchyChanged = false
    var deviceID: Device.ID?
    var policyChanged = false

    /// Takes the stream's next number (a user's `log_seq`, bumped with their modseq under
    /// their row lock; or the default policy's version), inserts the rows and sends the
    /// NOTIFY, which PostgreSQL delivers only if and when the transaction commits.
    func append(in session: PostgresSession) async throws -> LoggedCommit {
        let modSeq = (newModSeq ?? .zero).rawValue
        let flagged = hierarchyChanged || deviceID != nil || policyChanged
        // Data-modifying WITH clauses run once each whether or not the SELECT reads them;
        // a user id of 0 matches no user row, so `number` is then the version alone.
        let rows = try await session.rows(
            """
            WITH bumped AS (
                UPDATE users SET log_seq = log_seq + 1, modseq = COALESCE(\(newModSeq?.rawValue), modseq)
                WHERE id = \(userID) RETURNING log_seq
            ), number AS (
                SELECT log_seq AS value FROM bumped
                UNION ALL SELECT \(defaultPolicyVersion)::bigint WHERE \(defaultPolicyVersion)::bigint IS NOT NULL
            ), folder_rows AS (
                INSERT INTO commit_log (user_id, log_seq, modseq, folder_id)
                SELECT \(userID), number.value, \(modSeq), folder FROM number, unnest(\(folderIDs)::bigint[]) AS folder
            ), flag_rows AS (
                INSERT INTO commit_log (user_id, log_seq, modseq, device_id, hierarchy, policy)
                SELECT \(userID), number.value, \(modSeq), \(deviceID), \(hierarchyChanged), \(policyChanged)
                FROM number WHERE \(flagged)
            )
            SELECT value, pg_notify(\(unescaped: LoggedCommit.channelExpression), concat_ws(' ', \(userID), value, \(modSeq)))::text
            FROM number
            """)
        guard let row = rows.first else { throw StoreError(.notFound, "no user with id \(userID)") }
        let (logSeq, _) = try row.decode((Int64, String).self)
        return LoggedCommit(userID: userID, logSeq: logSeq)
    }
}
