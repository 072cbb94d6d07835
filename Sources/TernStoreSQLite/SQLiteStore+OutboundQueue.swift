public import Foundation
import GRDB
public import TernStore

extension SQLiteStore {
    public func queuedMessages() async throws(StoreError) -> [QueuedMessage] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, user_id, sender, recipients, length(raw) AS size, queued_at, attempts, next_attempt_at,
                    last_error FROM outbound_queue ORDER BY id
                    """
            ).map(Self.queuedMessage)
        }
    }

    public func claimQueuedMessages(dueAt now: Date, lease: TimeInterval, limit: Int) async throws(StoreError)
        -> [ClaimedMessage]
    {
        try await writeWithoutChange { db in
            let rows = try Row.fetchAll(
                db,
                literal: """
                    SELECT *, length(raw) AS size FROM outbound_queue
                    WHERE next_attempt_at <= \(now.timeIntervalSince1970) ORDER BY next_attempt_at LIMIT \(limit)
                    """)
            return try rows.map { row in
                var message = try Self.queuedMessage(row)
                message.attempts += 1
                message.nextAttemptAt = now.addingTimeInterval(lease)
                try db.execute(
                    literal: """
                        UPDATE outbound_queue SET attempts = \(message.attempts),
                        next_attempt_at = \(message.nextAttemptAt.timeIntervalSince1970) WHERE id = \(message.id)
                        """)
                return ClaimedMessage(message: message, raw: Array(row["raw"] as Data))
            }
        }
    }

    public func recordAttempt(_ attempt: QueueAttempt) async throws(StoreError) {
        do {
            let filed = try await timed(write: true) {
                try await pool.write { db -> Bool in
                    guard
                        let userID = try User.ID.fetchOne(
                            db, literal: "SELECT user_id FROM outbound_queue WHERE id = \(attempt.id)")
                    else { return false }
                    if attempt.deferred.isEmpty {
                        try db.execute(literal: "DELETE FROM outbound_queue WHERE id = \(attempt.id)")
                    } else {
                        try db.execute(
                            literal: """
                                UPDATE outbound_queue SET recipients = \(try Self.encodeRecipients(attempt.deferred)),
                                next_attempt_at = \(attempt.nextAttemptAt.timeIntervalSince1970),
                                last_error = \(attempt.deferralReason) WHERE id = \(attempt.id)
                                """)
                    }
                    guard let bounce = attempt.bounce,
                        let inbox = try Row.fetchOne(
                            db,
                            literal:
                                "SELECT * FROM folders WHERE user_id = \(userID) AND type = \(FolderType.inbox.rawValue)"
                        ).map(Self.folder)
                    else { return false }
                    var transaction = try WriteTransaction(db: db, userID: userID)
                    _ = try Self.insertItem(&transaction, .email(bounce), into: inbox)
                    try transaction.finish()
                    return true
                }
            }
            if filed { feed.committed() }
        } catch {
            throw Self.storeError(error)
        }
    }

    public func retryQueuedMessages(id: QueuedMessage.ID?) async throws(StoreError) -> Int {
        let now = Date().timeIntervalSince1970
        return try await writeWithoutChange { db in
            if let id {
                try db.execute(literal: "UPDATE outbound_queue SET next_attempt_at = \(now) WHERE id = \(id)")
            } else {
                try db.execute(literal: "UPDATE outbound_queue SET next_attempt_at = \(now)")
            }
            return db.changesCount
        }
    }

    public func dropQueuedMessage(id: QueuedMessage.ID) async throws(StoreError) -> Bool {
        try await writeWithoutChange { db in
            try db.execute(literal: "DELETE FROM outbound_queue WHERE id = \(id)")
            return db.changesCount > 0
        }
    }

    /// Queues `message` from `userID` in the transaction of `db`, due at once.
    static func enqueue(_ message: OutboundMessage, from userID: User.ID, in db: Database) throws {
        let now = Date().timeIntervalSince1970
        try db.execute(
            literal: """
                INSERT INTO outbound_queue (user_id, sender, recipients, raw, queued_at, next_attempt_at)
                VALUES (\(userID), \(message.sender), \(try encodeRecipients(message.recipients)), \(Data(message.raw)),
                \(now), \(now))
                """)
    }

    private static func queuedMessage(_ row: Row) throws -> QueuedMessage {
        let recipients: String = row["recipients"]
        return QueuedMessage(
            id: row["id"], userID: row["user_id"], sender: row["sender"],
            recipients: try JSONDecoder().decode([String].self, from: Data(recipients.utf8)), size: row["size"],
            queuedAt: Date(timeIntervalSince1970: row["queued_at"]), attempts: row["attempts"],
            nextAttemptAt: Date(timeIntervalSince1970: row["next_attempt_at"]), lastError: row["last_error"])
    }

    private static func encodeRecipients(_ recipients: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(recipients), as: UTF8.self)
    }
}
