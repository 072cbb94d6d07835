import Foundation
import Logging
import PostgresNIO
import Synchronization
import TernStore
import Testing

@testable import TernStorePostgres

/// The PostgreSQL database the contract suite runs on: `TERN_TEST_POSTGRES_URL`
/// (`.ci/postgres.sh` starts a throwaway cluster and prints it). Each store gets a schema of
/// its own, dropped when its test ends (`PostgresSchemaCleanup`). Without the URL the
/// PostgreSQL cases are not generated, unless `CI=true`, where they run and fail: CI cannot
/// skip them silently.
enum PostgresTestDatabase {
    static var url: String? { ProcessInfo.processInfo.environment["TERN_TEST_POSTGRES_URL"] }

    /// Whether the PostgreSQL cases run: a URL is given, or this is CI, which must have one.
    static var isRequested: Bool { url != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether the database runs on this machine, so that its server processes' ids in
    /// `pg_stat_activity` are ours to signal.
    static var isLocal: Bool {
        guard let url, let host = URLComponents(string: url)?.host else { return false }
        return ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
    }

    /// A store in a fresh schema, dropped when the current test's scope ends.
    static func openStore(poolSize: Int = 4) async throws -> PostgresStore {
        try await openStore(schema: newSchema(), poolSize: poolSize)
    }

    /// A store in `schema`: a second node on the same data.
    static func openStore(
        schema: String, poolSize: Int = 4, listenProbe: PostgresChangeFeed.Probe = .standard
    ) async throws -> PostgresStore {
        guard let url else {
            throw StoreError(.database, "TERN_TEST_POSTGRES_URL is not set; eval \"$(bash .ci/postgres.sh)\" sets it")
        }
        return try await PostgresStore(url: url, poolSize: poolSize, schema: schema, listenProbe: listenProbe)
    }

    /// A schema name nobody has used, registered for dropping at the end of the test.
    static func newSchema() -> String {
        let schema = "tern_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        PostgresSchemaCleanup.schemas?.register(schema)
        return schema
    }

    /// Runs `body` on a connection of its own to the test database (not a store's).
    static func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        guard let url, let components = URLComponents(string: url), let host = components.host,
            let user = components.user
        else {
            throw StoreError(.database, "TERN_TEST_POSTGRES_URL is not a postgres://USER@HOST:PORT/DB URL")
        }
        let configuration = PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: String(components.path.dropFirst()), tls: .disable)
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: 1, logger: Logger(label: "tern.test.postgres"))
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// Drops the schemas the PostgreSQL stores of a test made once the test is over, whether it
/// passed or not. A suite trait, so that every test of a contract suite has it.
struct PostgresSchemaCleanup: SuiteTrait, TestTrait, TestScoping {
    /// The schemas made in the current test.
    final class Registry: Sendable {
        private let names = Mutex<[String]>([])

        func register(_ schema: String) { names.withLock { $0.append(schema) } }

        var all: [String] { names.withLock { $0 } }
    }

    @TaskLocal static var schemas: Registry?

    var isRecursive: Bool { true }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let registry = Registry()
        let outcome: Result<Void, any Error>
        do {
            try await Self.$schemas.withValue(registry) { try await function() }
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        let made = registry.all
        var dropped: Result<Void, any Error> = .success(())
        if !made.isEmpty, PostgresTestDatabase.url != nil {
            do {
                try await PostgresTestDatabase.withConnection { connection in
                    for schema in made {
                        try await connection.query(
                            "DROP SCHEMA IF EXISTS \(unescaped: "\"\(schema)\"") CASCADE",
                            logger: Logger(label: "tern.test.postgres"))
                    }
                }
            } catch {
                dropped = .failure(error)
            }
        }
        // The test's own failure first: a schema left behind is the lesser news.
        try outcome.get()
        try dropped.get()
    }
}

extension Trait where Self == PostgresSchemaCleanup {
    /// Drops the schemas the test's PostgreSQL stores made, when it ends.
    static var droppingPostgresSchemas: Self { Self() }
}
