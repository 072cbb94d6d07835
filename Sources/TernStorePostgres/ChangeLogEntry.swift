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

/// The `commit_log` rows of one transaction, as SQLite writes them: one per folder whose
/// items changed, and one for a change of the hierarchy, a device or the policy.
struct ChangeLogEntry {
    let userID: User.ID
    let logSeq: Int64
    var modSeq = ModSeq.zero
    var folderIDs: [Folder.ID] = []
    var hierarchyChanged = false
    var deviceID: Device.ID?
    var policyChanged = false

    var commit: LoggedCommit { LoggedCommit(userID: userID, logSeq: logSeq) }

    /// Inserts the rows and sends the NOTIFY, which PostgreSQL delivers only if and when the
    /// transaction commits.
    func append(in session: PostgresSession) async throws {
        if !folderIDs.isEmpty {
            try await session.run(
                """
                INSERT INTO commit_log (user_id, log_seq, modseq, folder_id)
                SELECT \(userID), \(logSeq), \(modSeq.rawValue), folder FROM unnest(\(folderIDs)::bigint[]) AS folder
                """)
        }
        if hierarchyChanged || deviceID != nil || policyChanged {
            try await session.run(
                """
                INSERT INTO commit_log (user_id, log_seq, modseq, device_id, hierarchy, policy)
                VALUES (\(userID), \(logSeq), \(modSeq.rawValue), \(deviceID), \(hierarchyChanged), \(policyChanged))
                """)
        }
        let payload = "\(userID) \(logSeq) \(modSeq.rawValue)"
        try await session.run("SELECT pg_notify(\(unescaped: LoggedCommit.channelExpression), \(payload))")
    }

    /// Logs a change that bumps no modseq (a device's access, a user's policy), taking the
    /// next number of the user's stream under their row lock.
    static func logUnversionedChange(
        of userID: User.ID, deviceID: Device.ID? = nil, policyChanged: Bool = false, in session: PostgresSession
    ) async throws -> LoggedCommit {
        guard
            let logSeq = try await session.value(
                Int64.self, "UPDATE users SET log_seq = log_seq + 1 WHERE id = \(userID) RETURNING log_seq")
        else {
            throw StoreError(.notFound, "no user with id \(userID)")
        }
        let entry = ChangeLogEntry(userID: userID, logSeq: logSeq, deviceID: deviceID, policyChanged: policyChanged)
        try await entry.append(in: session)
        return entry.commit
    }
}
