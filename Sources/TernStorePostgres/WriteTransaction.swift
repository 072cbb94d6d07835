import PostgresNIO
import TernStore

/// One write transaction of one user, holding that user's row lock from its start to its
/// commit: hands out modification sequences and records which folders changed, so that
/// `finish()` can write the user's modseq and the change log.
///
/// The lock is what keeps modseqs consistent across nodes: a second writer of the same user
/// waits at its own `FOR UPDATE` until this one commits, then reads the modseq this one
/// wrote. So modseqs are taken and committed in order, and no reader ever sees modseq N+1
/// committed while N is not.
struct WriteTransaction {
    let session: PostgresSession
    let userID: User.ID
    private(set) var modSeq: ModSeq
    private var touchedFolders: Set<Folder.ID> = []
    private var hierarchyChanged = false

    /// Starts by locking the row of user `userID`.
    init(_ session: PostgresSession, lockingUser userID: User.ID) async throws {
        guard
            let current = try await session.value(
                Int64.self, "SELECT modseq FROM users WHERE id = \(userID) FOR UPDATE")
        else {
            throw StoreError(.notFound, "no user with id \(userID)")
        }
        self.session = session
        self.userID = userID
        modSeq = ModSeq(rawValue: current)
    }

    /// Starts by locking the row of the user who owns folder `folderID`.
    init(_ session: PostgresSession, lockingOwnerOf folderID: Folder.ID) async throws {
        guard
            let row = try await session.rows(
                """
                SELECT users.id, users.modseq FROM users JOIN folders ON folders.user_id = users.id
                WHERE folders.id = \(folderID) FOR UPDATE OF users
                """
            ).first
        else {
            throw StoreError(.notFound, "no folder with id \(folderID)")
        }
        let (userID, current) = try row.decode((Int64, Int64).self)
        self.session = session
        self.userID = userID
        modSeq = ModSeq(rawValue: current)
    }

    /// The modseq for the next change in `folderID` (nil: a hierarchy change).
    mutating func nextModSeq(touching folderID: Folder.ID?) -> ModSeq {
        modSeq = modSeq.next
        if let folderID { touchedFolders.insert(folderID) } else { hierarchyChanged = true }
        return modSeq
    }

    /// Writes the user's modseq and the change log, and queues the NOTIFY that commits
    /// with them; nil when nothing changed.
    func finish() async throws -> LoggedCommit? {
        guard hierarchyChanged || !touchedFolders.isEmpty else { return nil }
        return try await ChangeLogEntry(
            userID: userID, newModSeq: modSeq, folderIDs: touchedFolders.sorted(), hierarchyChanged: hierarchyChanged
        ).append(in: session)
    }
}
