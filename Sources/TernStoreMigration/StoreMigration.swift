import Foundation
import PostgresNIO
public import TernStore
import TernStorePostgres
import TernStoreSQLite

/// Moves a store from SQLite to PostgreSQL (`tern migrate`), so that a server outgrowing one
/// machine keeps its devices: every id, server id, modseq, tombstone, sync state, policy key
/// and password stays as it was, so no device resyncs or provisions again on the new store.
///
/// The SQLite store is opened with `SQLiteStore` first, which brings its schema to this
/// version's latest migration, and read from one snapshot. The PostgreSQL database gets the
/// store's schema, then the whole copy in one transaction: a failure at any point leaves it
/// without a single copied row. It must hold no data yet.
public struct StoreMigration: Sendable {
    /// The data folder holding the SQLite store (`tern.sqlite`).
    public let dataDirectory: String
    /// The PostgreSQL database, `postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]`.
    public let databaseURL: String
    /// The PostgreSQL schema that receives the store (tests give each store one of its own,
    /// as `PostgresStore` takes one); nil: the database's default.
    let schema: String?

    public init(dataDirectory: String, databaseURL: String) {
        self.init(dataDirectory: dataDirectory, databaseURL: databaseURL, schema: nil)
    }

    init(dataDirectory: String, databaseURL: String, schema: String?) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.schema = schema
    }

    /// Copies the store; throws, having written no row, when the folder holds no store, its
    /// schema is not one this version knows, or the database already holds data.
    public func run() async throws(StoreError) -> StoreMigrationSummary {
        let started = ContinuousClock.now
        let location = try PostgresLocation(url: databaseURL)
        guard FileManager.default.fileExists(atPath: SQLiteStore.databasePath(inDataDirectory: dataDirectory)) else {
            throw StoreError(.notFound, "\(dataDirectory) holds no Tern store (no tern.sqlite)")
        }
        let store = try SQLiteStore(dataDirectory: dataDirectory)
        guard try await store.schemaIsCurrent() else {
            throw StoreError(
                .invalid,
                "the store in \(dataDirectory) has migrations this version of tern does not know; use the version that wrote it"
            )
        }
        let snapshot = try store.makeSnapshot()
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: location.connectionConfiguration(searchPath: schema, applicationName: "tern migrate"),
                id: 0, logger: PostgresStore.logger)
        } catch {
            throw PostgresStore.storeError(error, opening: location)
        }
        let counts: [String: Int]
        do {
            let session = PostgresSession(connection)
            try await PostgresMigrations.migrate(session, schema: schema)
            counts = try await session.transaction(begin: "BEGIN") { session in
                try await DatabaseCopy(source: snapshot, target: session, targetName: "\(location)").run()
            }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw PostgresStore.storeError(error)
        }
        return StoreMigrationSummary(
            users: counts["users"] ?? 0, devices: counts["devices"] ?? 0, folders: counts["folders"] ?? 0,
            items: counts["items"] ?? 0, syncStates: counts["sync_states"] ?? 0,
            duration: ContinuousClock.now - started)
    }
}

/// What `StoreMigration` copied, and how long it took.
public struct StoreMigrationSummary: Sendable, Hashable {
    public let users: Int
    public let devices: Int
    public let folders: Int
    public let items: Int
    /// Every device's sync states: one per synced collection, the hierarchy's and the held Ping's.
    public let syncStates: Int
    public let duration: Duration
}
