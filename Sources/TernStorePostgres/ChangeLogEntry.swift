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
    /// What the transaction changed, when its writer or its NOTIFY told: a feed whose cursor
    /// is just before it announces it without reading the log.
    let change: StoreChange?

    /// The NOTIFY channel of the store's schema, as SQL: channels are per database, and
    /// stores in different schemas of one database (tests, or several deployments) must not
    /// hear each other's user ids. A digest keeps the name within PostgreSQL's 63 bytes.
    /// The payload is `USER LOGSEQ MODSEQ`, then `FOLDERS DEVICE FLAGS` (`Detail`) unless the
    /// transaction changed too many folders to name them within NOTIFY's 8,000 bytes.
    static let channelExpression = "'tern_changes:' || md5(current_schema())"

    /// A commit's NOTIFYs, as an SQL expression that counts them: `payload` on the own channel
    /// (`nodeChannel`) of each node named in `nodes`, its user's `wake_nodes`, or on the
    /// schema's channel, which every node hears, while that is NULL. Both are SQL expressions.
    static func notifications(payload: String, wakeNodes nodes: String) -> String {
        """
        (SELECT count(pg_notify(channel, \(payload))) FROM unnest(
            CASE WHEN \(nodes) IS NULL THEN ARRAY[\(channelExpression)]
            ELSE ARRAY(SELECT \(channelExpression) || ':' || node FROM unnest(\(nodes)) AS node) END
        ) AS channel)
        """
    }

    /// The own channel of the node `nodeID`, given the schema's.
    static func nodeChannel(_ nodeID: String, of schemaChannel: String) -> String { schemaChannel + ":" + nodeID }

    /// Reads a NOTIFY payload; nil for one that is not ours (the feed then reads the log).
    init?(payload: String) {
        let fields = payload.split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 3 || fields.count == 6, let userID = User.ID(fields[0]), let logSeq = Int64(fields[1]),
            let modSeq = Int64(fields[2])
        else { return nil }
        guard fields.count == 6 else {
            self.init(userID: userID, logSeq: logSeq)
            return
        }
        guard let detail = Detail(Array(fields[3...])) else { return nil }
        self.init(userID: userID, logSeq: logSeq, change: detail.change(of: userID, at: ModSeq(rawValue: modSeq)))
    }

    init(userID: User.ID, logSeq: Int64, change: StoreChange? = nil) {
        self.userID = userID
        self.logSeq = logSeq
        self.change = change
    }

    /// The part of a payload that says what changed: folder ids joined by commas, the device
    /// id and the flags (`h` hierarchy, `p` policy), each `-` when there is none.
    struct Detail {
        /// Folder ids a payload names at most (20 characters each with its comma).
        static let maxFolders = 256

        var folderIDs: [Folder.ID]
        var deviceID: Device.ID?
        var hierarchyChanged: Bool
        var policyChanged: Bool

        /// The three fields; nil when there are too many folders to name.
        var payload: String? {
            guard folderIDs.count <= Self.maxFolders else { return nil }
            let folders = folderIDs.isEmpty ? "-" : folderIDs.map(String.init).joined(separator: ",")
            let flags = (hierarchyChanged ? "h" : "") + (policyChanged ? "p" : "")
            return [folders, deviceID.map(String.init) ?? "-", flags.isEmpty ? "-" : flags].joined(separator: " ")
        }

        func change(of userID: User.ID, at modSeq: ModSeq) -> StoreChange {
            StoreChange(
                userID: userID, modSeq: modSeq, folderIDs: Set(folderIDs), hierarchyChanged: hierarchyChanged,
                deviceIDs: deviceID.map { [$0] } ?? [], policyChanged: policyChanged)
        }
    }
}

extension LoggedCommit.Detail {
    /// Reads the three fields; nil when they are not a detail.
    init?(_ fields: [Substring]) {
        guard fields.count == 3 else { return nil }
        let folderIDs =
            fields[0] == "-"
            ? [] : fields[0].split(separator: ",", omittingEmptySubsequences: false).map { Folder.ID($0) }
        let deviceID = fields[1] == "-" ? nil : Device.ID(fields[1])
        guard folderIDs.allSatisfy({ $0 != nil }), fields[1] == "-" || deviceID != nil,
            fields[2] == "-" || fields[2].allSatisfy({ $0 == "h" || $0 == "p" })
        else { return nil }
        self.init(
            folderIDs: folderIDs.compactMap { $0 }, deviceID: deviceID, hierarchyChanged: fields[2].contains("h"),
            policyChanged: fields[2].contains("p"))
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
        let detail = LoggedCommit.Detail(
            folderIDs: folderIDs, deviceID: deviceID, hierarchyChanged: hierarchyChanged, policyChanged: policyChanged)
        // Data-modifying WITH clauses run once each whether or not the SELECT reads them;
        // a user id of 0 matches no user row, so `number` is then the version alone.
        let rows = try await session.rows(
            """
            WITH bumped AS (
                UPDATE users SET log_seq = log_seq + 1, modseq = COALESCE(\(newModSeq?.rawValue), modseq)
                WHERE id = \(userID) RETURNING log_seq, wake_nodes
            ), number AS (
                SELECT log_seq AS value, wake_nodes FROM bumped
                UNION ALL SELECT \(defaultPolicyVersion)::bigint, NULL::text[]
                WHERE \(defaultPolicyVersion)::bigint IS NOT NULL
            ), folder_rows AS (
                INSERT INTO commit_log (user_id, log_seq, modseq, folder_id)
                SELECT \(userID), number.value, \(modSeq), folder FROM number, unnest(\(folderIDs)::bigint[]) AS folder
            ), flag_rows AS (
                INSERT INTO commit_log (user_id, log_seq, modseq, device_id, hierarchy, policy)
                SELECT \(userID), number.value, \(modSeq), \(deviceID), \(hierarchyChanged), \(policyChanged)
                FROM number WHERE \(flagged)
            ), notice AS (
                SELECT value, wake_nodes, concat_ws(' ', \(userID), value, \(modSeq), \(detail.payload)) AS payload
                FROM number
            )
            SELECT value, \(unescaped: LoggedCommit.notifications(payload: "payload", wakeNodes: "wake_nodes"))
            FROM notice
            """)
        guard let row = rows.first else { throw StoreError(.notFound, "no user with id \(userID)") }
        let (logSeq, _) = try row.decode((Int64, Int64).self)
        return LoggedCommit(userID: userID, logSeq: logSeq, change: detail.change(of: userID, at: newModSeq ?? .zero))
    }
}
