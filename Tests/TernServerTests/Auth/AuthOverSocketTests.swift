import TernStore
import TernStoreSQLite
import Testing

/// Sign-in through the EAS endpoint over a real socket: the cache and the throttle change
/// nothing a correct client sees, a new password takes effect at once, and failures stay 401.
@Suite(.serialized)
struct AuthOverSocketTests {
    private func folderSync(_ server: RunningServer, password: String) async throws -> Int {
        try await server.post("FolderSync", body: RunningServer.folderSync("0"), password: password).status
    }

    @Test func aCachedLoginStopsWorkingWhenThePasswordChanges() async throws {
        try await RunningServer.with { server in
            #expect(try await folderSync(server, password: "secret") == 200)
            #expect(try await folderSync(server, password: "secret") == 200, "answered from the cache")
            try await server.store.setPasswordHash(PasswordHash.make("changed", cost: 4), login: "anna")
            #expect(try await folderSync(server, password: "secret") == 401)
            #expect(try await folderSync(server, password: "changed") == 200)
        }
    }

    @Test func repeatedFailuresKeepBeing401AndTheRightPasswordStillGetsIn() async throws {
        try await RunningServer.with { server async throws in
            for _ in 0..<6 { #expect(try await folderSync(server, password: "wrong") == 401) }
            #expect(try await folderSync(server, password: "secret") == 200)
        }
    }
}
