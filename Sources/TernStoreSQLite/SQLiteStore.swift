import Foundation
import GRDB
import Synchronization
public import TernStore

/// The embedded store: one SQLite database in WAL mode under the data folder.
///
/// Readers never block the writer and one writer commits at a time (GRDB `DatabasePool`).
/// `tern deliver` run by a mail server opens the same file from another process; the
/// `ChangeFeed` notices its commits through `PRAGMA data_version`.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    let feed: ChangeFeed
    private let figures = Mutex(StoreTransactionFigures())

    /// The database file inside a data folder.
    public static func databasePath(inDataDirectory directory: String) -> String {
        URL(fileURLWithPath: directory).appending(path: "tern.sqlite").path
    }

    /// Opens (creating if needed) the database in `directory`, migrating it to the current schema.
    public init(dataDirectory directory: String, changePollInterval: Duration = .milliseconds(25)) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            let path = Self.databasePath(inDataDirectory: directory)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator.migrate(pool)
            feed = try ChangeFeed(path: path, pollInterval: changePollInterval)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.database, "cannot open the database in \(directory): \(error)")
        }
    }

    deinit {
        feed.stop()
    }

    public func changes(for userID: User.ID) -> AsyncStream<StoreChange> {
        feed.subscribe(userID: userID)
    }

    /// Every change: the feed reads the log of this one file for all its users anyway.
    public func allChanges(interest _: ChangeInterest) -> AsyncStream<StoreChange> {
        feed.subscribeToAll()
    }

    public func followChanges(clock: some Clock<Duration>) async {
        await feed.follow(clock: clock)
    }

    // MARK: Transactions

    public var transactionFigures: StoreTransactionFigures { figures.withLock { $0 } }

    /// Runs `body`, adding its time to `transactionFigures` whether or not it throws.
    func timed<T>(write: Bool, _ body: () async throws -> T) async rethrows -> T {
        let started = ContinuousClock.now
        defer {
            let time = ContinuousClock.now - started
            figures.withLock { $0.record(write: write, time: time) }
        }
        return try await body()
    }

    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await timed(write: false) { try await pool.read(body) }
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Runs one write transaction for `userID`'s data, then announces it on the feed.
    func write<T: Sendable>(
        userID: User.ID, _ body: @Sendable @escaping (inout WriteTransaction) throws -> T
    ) async throws(StoreError) -> T {
        try await write(owner: { _ in userID }, body)
    }

    /// Runs one write transaction on the items of `folderID`, whose owner is looked up in the
    /// same transaction (one trip to the writer, not a read and then a write).
    func write<T: Sendable>(
        inFolder folderID: Folder.ID, _ body: @Sendable @escaping (inout WriteTransaction) throws -> T
    ) async throws(StoreError) -> T {
        try await write(owner: { db in try Self.owner(of: folderID, in: db) }, body)
    }

    private func write<T: Sendable>(
        owner: @Sendable @escaping (Database) throws -> User.ID,
        _ body: @Sendable @escaping (inout WriteTransaction) throws -> T
    ) async throws(StoreError) -> T {
        do {
            let result = try await timed(write: true) {
                try await pool.write { db in
                    var transaction = try WriteTransaction(db: db, userID: try owner(db))
                    let value = try body(&transaction)
                    try transaction.finish()
                    return value
                }
            }
            feed.committed()
            return result
        } catch {
            throw Self.storeError(error)
        }
    }

    /// A write that changes no folder or item, so bumps no modseq (accounts, passwords, settings, sync states).
    func writeWithoutChange<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError)
        -> T
    {
        do {
            return try await timed(write: true) { try await pool.write(body) }
        } catch {
            throw Self.storeError(error)
        }
    }

    static func storeError(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_CONSTRAINT {
            return StoreError(.alreadyExists, error.message ?? "constraint violated")
        }
        return StoreError(.database, "\(error)")
    }
}

/// One write transaction of one user: hands out modification sequences and records which
/// folders changed, so that `finish()` can write the user's modseq and the commit log.
struct WriteTransaction {
    let db: Database
    let userID: User.ID
    private(set) var modSeq: ModSeq
    private var touchedFolders: Set<Folder.ID> = []
    private var hierarchyChanged = false

    init(db: Database, userID: User.ID) throws {
        self.db = db
        self.userID = userID
        guard let current = try Int64.fetchOne(db, literal: "SELECT modseq FROM users WHERE id = \(userID)") else {
            throw StoreError(.notFound, "no user with id \(userID)")
        }
        modSeq = ModSeq(rawValue: current)
    }

    /// The modseq for the next change in `folderID` (nil: a hierarchy change).
    mutating func nextModSeq(touching folderID: Folder.ID?) -> ModSeq {
        modSeq = modSeq.next
        if let folderID { touchedFolders.insert(folderID) } else { hierarchyChanged = true }
        return modSeq
    }

    func finish() throws {
        guard hierarchyChanged || !touchedFolders.isEmpty else { return }
        try db.executeCached(literal: "UPDATE users SET modseq = \(modSeq.rawValue) WHERE id = \(userID)")
        if hierarchyChanged {
            try db.executeCached(
                literal: """
                    INSERT INTO commit_log (user_id, modseq, folder_id, hierarchy) VALUES (\(userID), \(modSeq.rawValue), NULL, 1)
                    """)
        }
        for folderID in touchedFolders {
            try db.executeCached(
                literal: """
                    INSERT INTO commit_log (user_id, modseq, folder_id, hierarchy) VALUES (\(userID), \(modSeq.rawValue), \(folderID), 0)
                    """)
        }
    }
}
