import Foundation
package import Logging
import PostgresNIO
import Synchronization
public import TernStore

/// The store of several server nodes: one PostgreSQL database they all share.
///
/// Every write that changes a user's folders or items locks that user's row first
/// (`SELECT … FOR UPDATE`), so writers on any node take modification sequences one after
/// another: none is lost, and a reader, whose transaction sees one snapshot, never sees a
/// later modseq without the earlier ones (no gap a device could skip over). Each such
/// transaction also appends to `commit_log` and sends a `NOTIFY` that commits with it; the
/// change feed of every node that listens for the user hears it (`PostgresChangeFeed`,
/// `WakeRoutes`).
///
/// The pool's connections run in a task the store owns from `init` until it is released.
public final class PostgresStore: Store {
    let client: PostgresClient
    let feed: PostgresChangeFeed
    /// `application_name` of the pool's connections, `tern` and a tag of this store, which
    /// its feed's LISTEN connection (`tern feed` and the tag) and its opening connection share,
    /// so an operator can tell the nodes' connections apart in `pg_stat_activity`.
    let applicationName: String
    private let pool: Task<Void, Never>
    /// How long a transaction waits for a pooled connection before it fails.
    private let connectionWait: Duration
    private let figures = Mutex(StoreTransactionFigures())

    /// Opens the database at `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`),
    /// migrating it to the current schema, with at most `poolSize` connections besides the
    /// change feed's own. `schema` keeps the store's tables in that schema (created if need be)
    /// rather than in `public`, so that several stores may share a database (tests).
    public convenience init(url: String, poolSize: Int = 16, schema: String? = nil) async throws(StoreError) {
        try await self.init(url: url, poolSize: poolSize, schema: schema, listenProbe: .standard)
    }

    /// As the public initializer, with the LISTEN connection's liveness probe and the wait
    /// for a pooled connection chosen (tests make them quick).
    init(
        url: String, poolSize: Int, schema: String?, listenProbe: PostgresChangeFeed.Probe,
        connectionWait: Duration = .seconds(10)
    ) async throws(StoreError) {
        guard poolSize > 0 else { throw StoreError(.invalid, "the connection pool needs at least one connection") }
        let location = try PostgresLocation(url: url)
        if let schema { try PostgresMigrations.checkSchemaName(schema) }
        let tag = UUID().uuidString.prefix(8).lowercased()
        applicationName = "tern \(tag)"
        let client = PostgresClient(
            configuration: location.clientConfiguration(
                poolSize: poolSize, searchPath: schema, applicationName: "tern \(tag)"),
            backgroundLogger: Self.logger)
        // Opening happens on a connection of its own: the pool waits for a database that is
        // not there, a single connection fails at once and says why.
        let pool = Task { await client.run() }
        do {
            let opening = try await PostgresConnection.connect(
                configuration: location.connectionConfiguration(
                    searchPath: schema, applicationName: "tern open \(tag)"),
                id: 0, logger: Self.logger)
            do {
                let session = PostgresSession(opening)
                try await PostgresMigrations.migrate(session, schema: schema)
                feed = try await PostgresChangeFeed(
                    client: client, opening: session,
                    listenConfiguration: location.connectionConfiguration(
                        searchPath: schema, applicationName: "tern feed \(tag)"),
                    probe: listenProbe, nodeID: String(tag))
                try await opening.close()
            } catch {
                try? await opening.close()
                throw error
            }
        } catch {
            pool.cancel()
            throw PostgresStore.storeError(error, opening: location)
        }
        self.client = client
        self.pool = pool
        self.connectionWait = connectionWait
    }

    deinit {
        feed.stop()
        pool.cancel()
    }

    package static let logger = Logger(label: "tern.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    public func changes(for userID: User.ID) -> AsyncStream<StoreChange> {
        feed.subscribe(userID: userID)
    }

    public func allChanges(interest: ChangeInterest) -> AsyncStream<StoreChange> {
        feed.subscribeToAll(interest: interest)
    }

    public func listenForChanges(of userID: User.ID) async throws(StoreError) {
        let routes = feed.routes
        guard !routes.isNamed(for: userID) else { return }
        try await writeStatement { session in try await routes.add([userID], in: session) }
    }

    public func followChanges(clock: some Clock<Duration>) async {
        await feed.follow(clock: clock)
    }

    // MARK: Transactions

    public var transactionFigures: StoreTransactionFigures { figures.withLock { $0 } }

    /// Runs `body` in one read-only transaction that sees one snapshot of the database, as
    /// SQLite's readers do: several queries in it agree with each other.
    func read<T: Sendable>(_ body: (PostgresSession) async throws -> T) async throws(StoreError) -> T {
        try await transaction(write: false, begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Runs `body`, which runs exactly one statement, without BEGIN and COMMIT: a single
    /// statement sees one snapshot by itself, and the two would triple its round trips.
    func readStatement<T: Sendable>(_ body: (PostgresSession) async throws -> T) async throws(StoreError) -> T {
        try await transaction(write: false, begin: nil, body)
    }

    /// Runs `body`, which runs exactly one write statement, without BEGIN and COMMIT: one
    /// statement commits whole or not at all by itself.
    func writeStatement<T: Sendable>(_ body: (PostgresSession) async throws -> T) async throws(StoreError) -> T {
        try await transaction(write: true, begin: nil, body)
    }

    /// A write that changes no folder or item, so bumps no modseq (accounts, passwords,
    /// settings, sync states). Each statement sees what others committed before it.
    @discardableResult
    func writeWithoutChange<T: Sendable>(_ body: (PostgresSession) async throws -> T) async throws(StoreError) -> T {
        try await transaction(write: true, begin: "BEGIN", body)
    }

    /// Runs one write transaction on `userID`'s data, holding the user's row lock, then
    /// announces it on the feed.
    func write<T: Sendable>(userID: User.ID, _ body: (inout WriteTransaction) async throws -> T)
        async throws(StoreError) -> T
    {
        try await write(locking: { session in try await WriteTransaction(session, lockingUser: userID) }, body)
    }

    /// Runs one write transaction on the items of `folderID`, locking its owner's row.
    func write<T: Sendable>(inFolder folderID: Folder.ID, _ body: (inout WriteTransaction) async throws -> T)
        async throws(StoreError) -> T
    {
        try await write(locking: { session in try await WriteTransaction(session, lockingOwnerOf: folderID) }, body)
    }

    private func write<T: Sendable>(
        locking: (PostgresSession) async throws -> WriteTransaction,
        _ body: (inout WriteTransaction) async throws -> T
    ) async throws(StoreError) -> T {
        let (value, logged) = try await writeWithoutChange { session -> (T, LoggedCommit?) in
            var transaction = try await locking(session)
            let value = try await body(&transaction)
            return (value, try await transaction.finish())
        }
        if let logged { feed.committed(logged) }
        return value
    }

    /// Runs `body` between `begin` and COMMIT (ROLLBACK when it throws) on a pooled
    /// connection, or as it is when there is no `begin`; again when PostgreSQL chose it as a
    /// deadlock's victim or could not serialise it; and adds its time to `transactionFigures`.
    /// It fails when no connection is lent within `connectionWait`.
    private func transaction<T: Sendable>(
        write: Bool, begin: PostgresQuery?, _ body: (PostgresSession) async throws -> T
    ) async throws(StoreError) -> T {
        let started = ContinuousClock.now
        defer {
            let time = ContinuousClock.now - started
            figures.withLock { $0.record(write: write, time: time) }
        }
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try await client.withConnection(waitingAtMost: connectionWait) { connection in
                    let session = PostgresSession(connection)
                    guard let begin else { return try await body(session) }
                    return try await session.transaction(begin: begin, body)
                }
            } catch  where attempts < Self.maximumAttempts && PostgresSession.isTransient(error) {
                continue
            } catch {
                throw Self.storeError(error)
            }
        }
    }

    /// How often a transaction is tried when it loses a deadlock or a serialisation race.
    private static let maximumAttempts = 4

    package static func storeError(_ error: any Error, opening location: PostgresLocation? = nil) -> StoreError {
        if let error = error as? StoreError { return error }
        let detail: String
        if let error = error as? PSQLError {
            // PSQLError's own description says nothing, so that it leaks nothing; the
            // server's message, or the code and what lies under it, say what went wrong.
            detail =
                error.serverInfo?[.message]
                ?? [error.code.description, error.underlying.map { "\($0)" }]
                .compactMap { $0 }.joined(separator: ": ")
            if let code = PostgresSession.storeErrorCode(sqlState: error.serverInfo?[.sqlState]) {
                return StoreError(code, detail)
            }
        } else {
            detail = "\(error)"
        }
        guard let location else { return StoreError(.database, detail) }
        return StoreError(.database, "cannot open the database \(location): \(detail)")
    }
}
