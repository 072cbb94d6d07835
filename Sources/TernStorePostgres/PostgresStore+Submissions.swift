import Foundation
import PostgresNIO
public import TernStore

extension PostgresStore {
    public func isSubmitted(clientID: String, by userID: User.ID) async throws(StoreError) -> Bool {
        try await readStatement { session in
            try await session.run(
                "SELECT 1 FROM submissions WHERE user_id = \(userID) AND client_id = \(clientID)") > 0
        }
    }

    public func submit(_ submission: Submission) async throws(StoreError) -> SubmissionOutcome {
        let (outcome, logged) = try await writeWithoutChange { session -> (SubmissionOutcome, [LoggedCommit]) in
            if let clientID = submission.clientID {
                // The sender's row lock orders two nodes handling the same resent SendMail.
                try await session.run("SELECT 1 FROM users WHERE id = \(submission.userID) FOR UPDATE")
                let seen = try await session.run(
                    "SELECT 1 FROM submissions WHERE user_id = \(submission.userID) AND client_id = \(clientID)")
                if seen > 0 { return (.previouslySent, []) }
                try await session.run(
                    """
                    INSERT INTO submissions (user_id, client_id, submitted_at)
                    VALUES (\(submission.userID), \(clientID), \(Date().timeIntervalSince1970))
                    """)
            }
            var folders: [Folder] = []
            for copy in submission.copies { folders.append(try await Self.fetchFolder(session, id: copy.folderID)) }
            // One write transaction per owner, so each user's modseq and change log advance;
            // owners locked in id order, so two submissions never wait for each other in a circle.
            var transactions: [User.ID: WriteTransaction] = [:]
            for owner in Set(folders.map(\.userID)).sorted() {
                transactions[owner] = try await WriteTransaction(session, lockingUser: owner)
            }
            var items: [Item] = []
            for (copy, folder) in zip(submission.copies, folders) {
                guard var transaction = transactions[folder.userID] else {
                    preconditionFailure("every copy's owner was locked above")
                }
                items.append(try await Self.insertItem(&transaction, copy.content, into: folder))
                transactions[folder.userID] = transaction
            }
            var logged: [LoggedCommit] = []
            for owner in transactions.keys.sorted() {
                if let commit = try await transactions[owner]?.finish() { logged.append(commit) }
            }
            if let outbound = submission.outbound {
                try await Self.enqueue(outbound, from: submission.userID, in: session)
            }
            return (.submitted(items), logged)
        }
        for commit in logged { feed.committed(commit) }
        return outcome
    }
}
