import Foundation
import GRDB
public import TernStore

extension SQLiteStore {
    public func isSubmitted(clientID: String, by userID: User.ID) async throws(StoreError) -> Bool {
        try await read { db in
            try Bool.fetchOne(
                db, literal: "SELECT 1 FROM submissions WHERE user_id = \(userID) AND client_id = \(clientID)") ?? false
        }
    }

    public func submit(_ submission: Submission) async throws(StoreError) -> SubmissionOutcome {
        do {
            let outcome = try await timed(write: true) {
                try await pool.write { db -> SubmissionOutcome in
                    if let clientID = submission.clientID {
                        let seen = try Bool.fetchOne(
                            db,
                            literal: """
                                SELECT 1 FROM submissions WHERE user_id = \(submission.userID) AND client_id = \(clientID)
                                """)
                        if seen == true { return .previouslySent }
                        try db.execute(
                            literal: """
                                INSERT INTO submissions (user_id, client_id, submitted_at)
                                VALUES (\(submission.userID), \(clientID), \(Date().timeIntervalSince1970))
                                """)
                    }
                    // One write transaction per owner, so each user's modseq and commit log advance.
                    var transactions: [User.ID: WriteTransaction] = [:]
                    var items: [Item] = []
                    for copy in submission.copies {
                        let folder = try Self.fetchFolder(db, id: copy.folderID)
                        var transaction =
                            try transactions[folder.userID] ?? WriteTransaction(db: db, userID: folder.userID)
                        items.append(try Self.insertItem(&transaction, copy.content, into: folder))
                        transactions[folder.userID] = transaction
                    }
                    for transaction in transactions.values { try transaction.finish() }
                    if let outbound = submission.outbound {
                        try Self.enqueue(outbound, from: submission.userID, in: db)
                    }
                    return .submitted(items)
                }
            }
            feed.committed()
            return outcome
        } catch {
            throw Self.storeError(error)
        }
    }
}
