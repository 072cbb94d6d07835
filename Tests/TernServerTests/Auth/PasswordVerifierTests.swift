import Foundation
import TernAuth
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// Sign-in after a restart without a bcrypt storm (the keyed verifier), and bcrypt work
/// bounded when there is no key.
@Suite struct PasswordVerifierTests {
    /// A key file of 32 random bytes with `permissions`.
    static func keyFile(in directory: TemporaryDirectory, permissions: Int = 0o600, bytes: Int = 32) throws -> String {
        let path = directory.url.appending(path: "verifier.key").path
        try Data((0..<bytes).map { _ in UInt8.random(in: 0...255) }).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
        return path
    }

    /// A FolderSync as user `login` signs in: any answer but 401 means the password passed.
    static func signIns(_ logins: [String], password: (String) -> String, port: Int) async throws -> [Int] {
        var connection = try RawHTTPConnection(port: port)
        var statuses: [Int] = []
        for login in logins {
            let credentials = Data("\(login):\(password(login))".utf8).base64EncodedString()
            let request =
                "POST /Microsoft-Server-ActiveSync?Cmd=FolderSync&User=\(login)&DeviceId=D\(login)&DeviceType=iPhone HTTP/1.1\r\n"
                + "Host: tern\r\nAuthorization: Basic \(credentials)\r\nMS-ASProtocolVersion: 14.1\r\nContent-Length: 0\r\n\r\n"
            guard let response = await connection.request(request) else {
                connection = try RawHTTPConnection(port: port)
                statuses.append(0)
                continue
            }
            statuses.append(response.status)
        }
        return statuses
    }

    @Test func aThousandDevicesSignInAgainAfterARestartWithNoBcrypt() async throws {
        let keys = try TemporaryDirectory("tern-key")
        defer { keys.remove() }
        let key = try Self.keyFile(in: keys)
        let server = try await RunningServer(tuning: { $0.passwordChecks.verifierKeyFile = key })
        let logins = (0..<1_000).map { "user\($0)" }
        for login in logins {
            _ = try await server.store.createUser(
                NewUser(
                    login: login, emailAddresses: ["\(login)@tern.example"], displayName: login,
                    passwordHash: PasswordHash.make("pw-\(login)", cost: 4)))
        }
        let first = try await Self.signIns(logins, password: { "pw-\($0)" }, port: server.port)
        #expect(first.count == 1_000 && !first.contains(401))
        #expect(server.passwordCheckFigures.bcryptChecks == 1_000)

        let restarted = try await server.restarted(tuning: { $0.passwordChecks.verifierKeyFile = key })
        defer { Task { await restarted.stop() } }
        let again = try await Self.signIns(logins, password: { "pw-\($0)" }, port: restarted.port)
        #expect(again.count == 1_000 && !again.contains(401))
        var figures = restarted.passwordCheckFigures
        #expect(figures.bcryptChecks == 0 && figures.verifierChecks == 1_000)

        // A wrong password still costs bcrypt (its answer takes as long as an unknown name's).
        #expect(try await Self.signIns(["user7"], password: { _ in "wrong" }, port: restarted.port) == [401])
        // A new password voids the verifier: the next sign-in is bcrypt again, then fast.
        try await restarted.store.setPasswordHash(PasswordHash.make("new", cost: 4), login: "user8")
        #expect(try await Self.signIns(["user8"], password: { _ in "pw-user8" }, port: restarted.port) == [401])
        #expect(try await Self.signIns(["user8"], password: { _ in "new" }, port: restarted.port) != [401])
        figures = restarted.passwordCheckFigures
        #expect(figures.bcryptChecks == 3 && figures.verifierChecks == 1_000)
    }

    @Test func withoutAKeyBcryptRunsOneAtATimeAndAFullQueueIsAnswered503() async throws {
        let server = try await RunningServer(tuning: {
            $0.passwordChecks = PasswordCheckLimits(maxRunning: 1, maxWaiting: 2, retryAfterSeconds: 7)
        })
        defer { Task { await server.stop() } }
        let logins = (0..<12).map { "slow\($0)" }
        for login in logins {
            _ = try await server.store.createUser(
                NewUser(
                    login: login, emailAddresses: ["\(login)@tern.example"], displayName: login,
                    passwordHash: PasswordHash.make("pw", cost: 10)))
        }
        let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
            for login in logins {
                group.addTask { try await Self.signIns([login], password: { _ in "pw" }, port: server.port) }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let figures = server.passwordCheckFigures
        #expect(figures.peakConcurrentBcrypt == 1)
        #expect(statuses.filter { $0 == 503 }.count == figures.busyRefusals && figures.busyRefusals > 0)
        #expect(!statuses.contains(401) && figures.bcryptChecks + figures.busyRefusals == logins.count)
    }

    @Test func aKeyOthersMayReadOrAShortKeyIsRefused() throws {
        let keys = try TemporaryDirectory("tern-key")
        defer { keys.remove() }
        #expect(throws: PasswordVerifierKey.Refusal.self) {
            try PasswordVerifierKey(contentsOfFile: try Self.keyFile(in: keys, permissions: 0o644))
        }
        #expect(throws: PasswordVerifierKey.Refusal.self) {
            try PasswordVerifierKey(contentsOfFile: try Self.keyFile(in: keys, bytes: 16))
        }
        let key = try PasswordVerifierKey(contentsOfFile: try Self.keyFile(in: keys))
        let verifier = key.verifier(password: "pw", passwordHash: "$2b$hash")
        #expect(key.matches(verifier, password: "pw", passwordHash: "$2b$hash"))
        #expect(!key.matches(verifier, password: "pw", passwordHash: "$2b$other"))
        #expect(
            !PasswordVerifierKey(bytes: Data(repeating: 1, count: 32)).matches(
                verifier, password: "pw", passwordHash: "$2b$hash"))
    }
}
