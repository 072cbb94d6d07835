import Foundation
import Logging
import PostgresNIO
import TernStore
import TernTesting
import Testing

@testable import TernStorePostgres

/// A node whose database stops taking its connections fails its requests within the pool
/// wait, rather than hanging them, and works again once the database takes them back.
@Suite(.droppingPostgresSchemas, .enabled(if: PostgresTestDatabase.isRequested))
struct PostgresPoolWaitTests {
    @Test func aRequestFailsWithinTheWaitWhileTheDatabaseRefusesTheNodeAndWorksWhenItIsBack() async throws {
        let schema = PostgresTestDatabase.newSchema()
        let owner = try await PostgresTestDatabase.openStore(schema: schema)
        let user = try await owner.createUser(
            NewUser(login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna", passwordHash: "x"))
        let role = "tern_node_" + UUID().uuidString.prefix(8).lowercased()
        try await Self.run("CREATE ROLE \(role) LOGIN SUPERUSER")
        let node = try await PostgresStore(
            url: try Self.url(as: role), poolSize: 2, schema: schema, listenProbe: .standard,
            connectionWait: .milliseconds(500))
        // A loaded machine may take longer than the wait to open the pool's first connection.
        let served = await eventually(timeout: .seconds(10)) { (try? await node.user(login: "anna"))?.id == user.id }
        #expect(served)

        // The database turns the node away: its connections end and no new one may log in.
        try await Self.run("ALTER ROLE \(role) NOLOGIN")
        try await Self.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(role)'")
        let started = ContinuousClock.now
        let refused = await #expect(throws: StoreError.self) { _ = try await node.user(login: "anna") }
        #expect(refused?.code == .database)
        #expect(ContinuousClock.now - started < .seconds(5), "failed within the wait, not after the pool's retries")

        try await Self.run("ALTER ROLE \(role) LOGIN")
        let back = await eventually(timeout: .seconds(20)) {
            (try? await node.user(login: "anna"))?.id == user.id
        }
        #expect(back, "the pool opens connections again once the database takes them")
        try await Self.run("ALTER ROLE \(role) NOLOGIN")
        try await Self.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(role)'")
        try await Self.run("DROP ROLE \(role)")
    }

    /// The test database's URL with `role` as its user.
    private static func url(as role: String) throws -> String {
        guard let url = PostgresTestDatabase.url, var components = URLComponents(string: url) else {
            throw StoreError(.database, "TERN_TEST_POSTGRES_URL is not set")
        }
        components.user = role
        components.password = nil
        guard let changed = components.string else { throw StoreError(.database, "cannot set the user of \(url)") }
        return changed
    }

    private static func run(_ sql: String) async throws {
        try await PostgresTestDatabase.withConnection { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "tern.test.postgres"))
        }
    }
}
