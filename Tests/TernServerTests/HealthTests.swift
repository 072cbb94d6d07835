import Foundation
import GRDB
import TernStoreSQLite
import TernTesting
import Testing

/// `/healthz` and `/readyz` over a real socket, without credentials.
@Suite struct HealthTests {
    static func get(_ server: RunningServer, _ path: String) async throws -> (status: Int, body: String) {
        let reply = try await server.curl([], url: "http://127.0.0.1:\(server.port)\(path)", payload: nil)
        return (reply.status, String(decoding: reply.body, as: UTF8.self))
    }

    @Test func readinessFailsWhileTheDatabaseCannotWriteAndLivenessDoesNot() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        #expect(try await Self.get(server, "/healthz") == (200, "ok\n"))
        #expect(try await Self.get(server, "/readyz") == (200, "ready\n"))
        // A failing disk, as a trigger that refuses every write of the readiness row.
        let database = try DatabaseQueue(path: SQLiteStore.databasePath(inDataDirectory: server.directory.path))
        try await database.write { db in
            try db.execute(
                sql: "CREATE TRIGGER refuse BEFORE INSERT ON readiness BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        }
        #expect(try await Self.get(server, "/readyz") == (503, "not ready\n"))
        #expect(try await Self.get(server, "/healthz") == (200, "ok\n"))
        try await database.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        #expect(try await Self.get(server, "/readyz") == (200, "ready\n"))
    }
}
