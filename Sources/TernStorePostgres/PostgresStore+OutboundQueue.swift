public import Foundation
import PostgresNIO
public import TernStore

extension PostgresStore {
    public func queuedMessages() async throws(StoreError) -> [QueuedMessage] {
        try await readStatement { session in
            try await session.rows("SELECT \(unescaped: Self.queueColumns()) FROM outbound_queue ORDER BY id")
                .map(Self.queuedMessage)
        }
    }

    public func claimQueuedMessages(dueAt now: Date, lease: TimeInterval, limit: Int) async throws(StoreError)
        -> [ClaimedMessage]
    {
        let due = now.timeIntervalSince1970
        // As SQLite reads LIMIT, a negative limit is none at all (NULL is PostgreSQL's ALL).
        let bound = limit < 0 ? nil : limit
        let nextAttempt = now.addingTimeInterval(lease).timeIntervalSince1970
        return try await writeWithoutChange { session in
            // SKIP LOCKED: a runner on another node claiming at the same moment takes other
            // messages rather than waiting for these.
            let rows = try await session.rows(
                """
                WITH due AS (
                    SELECT id, next_attempt_at AS was_due FROM outbound_queue WHERE next_attempt_at <= \(due)
                    ORDER BY next_attempt_at, id LIMIT \(bound) FOR UPDATE SKIP LOCKED
                )
                UPDATE outbound_queue AS queue SET attempts = queue.attempts + 1, next_attempt_at = \(nextAttempt)
                FROM due WHERE queue.id = due.id
                RETURNING \(unescaped: Self.queueColumns(prefix: "queue.")), queue.raw, due.was_due
                """)
            let claimed = try rows.map { row in
                let columns = row.makeRandomAccess()
                let message = ClaimedMessage(
                    message: try Self.queuedMessage(row), raw: Array(try columns[9].decode(Data.self)))
                return (message, try columns[10].decode(Double.self))
            }
            // In the order they fell due, as one runner sends them.
            return claimed.sorted { ($0.1, $0.0.message.id) < ($1.1, $1.0.message.id) }.map(\.0)
        }
    }

    public func recordAttempt(_ attempt: QueueAttempt) async throws(StoreError) {
        let logged = try await writeWithoutChange { session -> LoggedCommit? in
            guard
                let userID = try await session.value(
                    Int64.self, "SELECT user_id FROM outbound_queue WHERE id = \(attempt.id) FOR UPDATE")
            else { return nil }
            if attempt.deferred.isEmpty {
                try await session.run("DELETE FROM outbound_queue WHERE id = \(attempt.id)")
            } else {
                try await session.run(
                    """
                    UPDATE outbound_queue SET recipients = \(try Self.encodeRecipients(attempt.deferred)),
                    next_attempt_at = \(attempt.nextAttemptAt.timeIntervalSince1970),
                    last_error = \(attempt.deferralReason) WHERE id = \(attempt.id)
                    """)
            }
            guard let bounce = attempt.bounce else { return nil }
            var transaction = try await WriteTransaction(session, lockingUser: userID)
            guard let inbox = try await Self.inbox(of: userID, in: session) else { return nil }
            _ = try await Self.insertItem(&transaction, .email(bounce), into: inbox)
            return try await transaction.finish()
        }
        if let logged { feed.committed(logged) }
    }

    public func retryQueuedMessages(id: QueuedMessage.ID?) async throws(StoreError) -> Int {
        let now = Date().timeIntervalSince1970
        return try await writeWithoutChange { session in
            if let id {
                try await session.run(
                    "UPDATE outbound_queue SET next_attempt_at = \(now) WHERE id = \(id) RETURNING id")
            } else {
                try await session.run("UPDATE outbound_queue SET next_attempt_at = \(now) RETURNING id")
            }
        }
    }

    public func dropQueuedMessage(id: QueuedMessage.ID) async throws(StoreError) -> Bool {
        try await writeWithoutChange { session in
            try await session.run("DELETE FROM outbound_queue WHERE id = \(id) RETURNING id") > 0
        }
    }

    /// Queues `message` from `userID` in the transaction of `session`, due at once.
    static func enqueue(_ message: OutboundMessage, from userID: User.ID, in session: PostgresSession) async throws {
        let now = Date().timeIntervalSince1970
        try await session.run(
            """
            INSERT INTO outbound_queue (user_id, sender, recipients, raw, queued_at, next_attempt_at)
            VALUES (\(userID), \(message.sender), \(try encodeRecipients(message.recipients)), \(Data(message.raw)),
            \(now), \(now))
            """)
    }

    /// The columns `queuedMessage(_:)` reads, in its order, each after `prefix`.
    private static func queueColumns(prefix: String = "") -> String {
        [
            "id", "user_id", "sender", "recipients", "length(\(prefix)raw)", "queued_at", "attempts", "next_attempt_at",
            "last_error",
        ].map { $0.hasPrefix("length") ? $0 : prefix + $0 }.joined(separator: ", ")
    }

    private static func queuedMessage(_ row: PostgresRow) throws -> QueuedMessage {
        let (id, userID, sender, recipients, size, queuedAt, attempts, nextAttemptAt, lastError) = try row.decode(
            (Int64, Int64, String, String, Int, Double, Int, Double, String?).self)
        return QueuedMessage(
            id: id, userID: userID, sender: sender,
            recipients: try JSONDecoder().decode([String].self, from: Data(recipients.utf8)), size: size,
            queuedAt: Date(timeIntervalSince1970: queuedAt), attempts: attempts,
            nextAttemptAt: Date(timeIntervalSince1970: nextAttemptAt), lastError: lastError)
    }

    private static func encodeRecipients(_ recipients: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(recipients), as: UTF8.self)
    }
}
