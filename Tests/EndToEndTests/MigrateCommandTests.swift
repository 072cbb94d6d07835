import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// `tern migrate`: a server moves from its SQLite store to PostgreSQL and its devices carry on
/// with the keys they hold. Runs where `TERN_TEST_POSTGRES_URL` is set, as `TwoNodeTests` do.
@Suite(.enabled(if: postgresRequested))
struct MigrateCommandTests {
    @Test func aDeviceSyncedOnSQLiteCarriesOnAfterTheMoveWithoutResyncOrProvisioning() async throws {
        let database = try TwoNodeTests.Database()
        defer { database.drop() }
        let server = try await ServeProcess()
        defer { server.process.isRunning ? server.stop() : server.folder.remove() }

        // On SQLite: provisioned, two messages and a contact of the device's own synced, and a
        // Ping held (the device's `#ping` state) and woken by a third message, which it syncs.
        #expect(try await server.setUp("phone").status == 0)
        #expect(try server.deliver(subject: "First", body: "One.").status == 0)
        #expect(try server.deliver(subject: "Second", body: "Zürich.").status == 0)
        let first = try await server.device("phone", ["sync"])
        #expect(first.status == 0 && first.output.contains("Inbox: 2 added"), "\(first)")
        let contact = try await server.device("phone", ["add", "contact", "--first", "Ada", "--last", "Lovelace"])
        #expect(contact.status == 0, "\(contact)")
        let store = try SQLiteStore(dataDirectory: server.data)
        async let watched = server.device("phone", ["watch", "--count", "1", "--timeout", "60"])
        #expect(await DeviceEndToEndTests.pingArrived(store, from: "phone"))
        #expect(try server.deliver(subject: "Third", body: "Pushed.").status == 0)
        let pushed = try await watched
        #expect(pushed.status == 0 && pushed.output.contains("Third"), "watch synced the pushed message: \(pushed)")
        let provisioned = try await Self.provisionedAt(server)

        // The server stops; the store moves.
        server.process.terminate()
        server.process.waitUntilExit()
        let migrated = try ChildProcess(ServeProcess.tern, ["migrate", "--from", server.data, "--to", database.url])
            .run()
        let summary = String(decoding: migrated.standardOutput, as: UTF8.self)
        #expect(migrated.status == 0, "\(migrated.standardError)")
        #expect(summary.hasPrefix("copied 1 user, 1 device, "), "\(summary)")
        #expect(summary.contains(" 4 items, "), "three messages and the contact: \(summary)")

        // On PostgreSQL, the same profile: nothing to resync, then exactly the new message.
        let node = try TwoNodeTests.Node(database: database, folder: server.folder, name: "postgres")
        defer { node.stop() }
        try TwoNodeTests.route(server.profile("phone"), to: node)
        let unchanged = try await server.device("phone", ["sync"])
        #expect(unchanged.status == 0, "\(unchanged)")
        let lines = unchanged.output.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasSuffix(": 0 added, 0 changed, 0 deleted") }, "\(unchanged)")
        #expect(try TwoNodeTests.deliver("After the move", database: database) == 0)
        let after = try await server.device("phone", ["sync"])
        #expect(after.status == 0 && after.output.contains("Inbox: 1 added, 0 changed, 0 deleted"), "\(after)")
        #expect(
            after.output.split(separator: "\n").filter { !$0.hasSuffix(": 0 added, 0 changed, 0 deleted") }.count == 1)
        #expect(try await Self.provisionedAt(server) == provisioned, "the device was not asked to provision again")

        // The search index was built on PostgreSQL from the copied mail.
        let found = try await server.device("phone", ["search", "zurich"])
        #expect(found.status == 0 && found.output.contains("Second"), "\(found)")
    }

    @Test func migratingIntoADatabaseThatHoldsUsersRefusesWithOneLineAndWritesNothing() async throws {
        let database = try TwoNodeTests.Database()
        defer { database.drop() }
        let folder = try TemporaryDirectory("tern-migrate")
        defer { folder.remove() }
        let data = folder.url.appending(path: "data").path
        let source = try ChildProcess(
            ServeProcess.tern, ["user", "add", "anna", "--password-stdin", "--data", data]
        ).run(standardInput: Array("secret\n".utf8))
        #expect(source.status == 0)
        let taken = try TwoNodeTests.tern(
            ["user", "add", "bob", "--password-stdin"], database: database, input: "pw\n")
        #expect(taken.status == 0)

        let refused = try ChildProcess(ServeProcess.tern, ["migrate", "--from", data, "--to", database.url]).run()
        #expect(refused.status == 1)
        #expect(refused.standardError.hasPrefix("tern: ") && refused.standardError.split(separator: "\n").count == 1)
        #expect(refused.standardError.contains("already holds 1 user"), "\(refused.standardError)")
        let users = try TwoNodeTests.tern(["user", "list", "--json"], database: database)
        let listed = String(decoding: users.standardOutput, as: UTF8.self)
        #expect(listed.contains("\"bob\"") && !listed.contains("\"anna\""), "\(listed)")

        let empty = folder.url.appending(path: "nothing").path
        let missing = try ChildProcess(ServeProcess.tern, ["migrate", "--from", empty, "--to", database.url]).run()
        #expect(missing.status == 1 && missing.standardError.split(separator: "\n").count == 1)
        #expect(missing.standardError.contains("holds no Tern store"), "\(missing.standardError)")
    }

    /// When the device's profile says it was provisioned.
    private static func provisionedAt(_ server: ServeProcess) async throws -> String {
        let status = try await server.device("phone", ["status", "--json"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any], "\(status)")
        let value = try #require(json["provisionedAt"], "\(status)")
        #expect(!(value is NSNull), "\(status)")
        return "\(value)"
    }
}
