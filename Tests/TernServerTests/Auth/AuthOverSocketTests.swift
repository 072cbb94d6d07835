import TernAuth
import TernStore
import TernStoreSQLite
import TernTesting
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

    /// A name no one has is checked against a hash as costly as a user's (bcrypt at the
    /// default cost, as `tern user add` makes it), so the time of a 401 does not tell which
    /// accounts exist. Five attempts in all: the address's throttle starts after them.
    @Test func anUnknownNameCostsWhatAWrongPasswordCosts() async throws {
        try await RunningServer.with { server in
            try await server.store.setPasswordHash(PasswordHash.make("secret"), login: "anna")
            func attempt(_ login: String) async throws -> (status: Int, elapsed: Duration, body: [UInt8]) {
                let url =
                    "http://127.0.0.1:\(server.port)/Microsoft-Server-ActiveSync?Cmd=FolderSync&User=\(login)&DeviceId=D1&DeviceType=T"
                let started = ContinuousClock.now
                let reply = try await server.curl(
                    ["-X", "POST", "-u", "\(login):wrong", "-H", "MS-ASProtocolVersion: 14.1"], url: url, payload: nil)
                return (reply.status, ContinuousClock.now - started, reply.body)
            }
            _ = try await attempt("warm-up")
            var unknown: [Duration] = []
            var wrong: [Duration] = []
            for round in 0..<2 {
                let stranger = try await attempt("nobody\(round)")
                let anna = try await attempt("anna")
                #expect(stranger.status == 401 && anna.status == 401)
                #expect(stranger.body == anna.body, "the two refusals say the same")
                unknown.append(stranger.elapsed)
                wrong.append(anna.elapsed)
            }
            let (fastestUnknown, fastestWrong) = (try #require(unknown.min()), try #require(wrong.min()))
            #expect(fastestWrong > .milliseconds(50), "bcrypt at the default cost was run: \(fastestWrong)")
            #expect(
                fastestUnknown * 2 > fastestWrong && fastestWrong * 2 > fastestUnknown,
                "unknown \(unknown), wrong password \(wrong)")
        }
    }

    @Test func repeatedFailuresKeepBeing401AndTheRightPasswordStillGetsIn() async throws {
        try await RunningServer.with { server async throws in
            for _ in 0..<6 { #expect(try await folderSync(server, password: "wrong") == 401) }
            #expect(try await folderSync(server, password: "secret") == 200)
        }
    }
}
