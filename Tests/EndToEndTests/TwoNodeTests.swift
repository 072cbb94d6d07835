import Foundation
import TernTesting
import Testing

/// Whether the PostgreSQL tests run: a test cluster is given, or this is CI, which must have one.
let postgresRequested: Bool = {
    let environment = ProcessInfo.processInfo.environment
    return environment["TERN_TEST_POSTGRES_URL"] != nil || environment["CI"] == "true"
}()

/// Two `tern serve` processes on one PostgreSQL database (`--database`), as two nodes behind
/// a load balancer: a device moves from one to the other with the same keys, and a Ping held
/// on one is woken by what happens through the other or by `tern deliver --database`.
/// Runs where `TERN_TEST_POSTGRES_URL` is set (`.ci/postgres.sh`), and must under `CI=true`.
@Suite(.enabled(if: postgresRequested))
struct TwoNodeTests {
    static let token = "two-node-test-admin-token"

    /// A database of its own on the test cluster, dropped by `drop`.
    struct Database {
        let url: String
        let name: String
        let admin: String

        init() throws {
            admin = try #require(
                ProcessInfo.processInfo.environment["TERN_TEST_POSTGRES_URL"],
                "TERN_TEST_POSTGRES_URL is not set; eval \"$(bash .ci/postgres.sh)\" sets it")
            name = "tern_nodes_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            var components = try #require(URLComponents(string: admin))
            components.path = "/" + name
            url = try #require(components.string)
            try Self.psql(admin, "CREATE DATABASE \(name)")
        }

        func drop() {
            try? Self.psql(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }

        static func psql(_ url: String, _ command: String) throws {
            let psql = try #require(ChildProcess.onPath("psql"), "psql comes with Debian's postgresql")
            let result = try ChildProcess(psql, ["-q", "-v", "ON_ERROR_STOP=1", url, "-c", command]).run()
            guard result.status == 0 else { throw ServeProcess.ServeError(message: "psql: \(result.standardError)") }
        }
    }

    /// A node: `tern serve` on the shared database, with a data folder of its own for traces.
    struct Node {
        let process: Process
        let endpoint: String

        init(database: Database, folder: TemporaryDirectory, name: String) throws {
            let (process, port) = try ServeProcess.launch(
                [
                    "serve", "--listen", "127.0.0.1:0", "--data", folder.url.appending(path: name).path,
                    "--database", database.url,
                ], environment: ["TERN_ADMIN_TOKEN": TwoNodeTests.token])
            self.process = process
            endpoint = "http://127.0.0.1:\(port)"
        }

        /// What `/metrics` says of `series` now.
        func metric(_ series: String) throws -> Double? {
            let curl = try #require(ChildProcess.onPath("curl"))
            let result = try ChildProcess(
                curl, ["-s", "-m", "5", "-H", "Authorization: Bearer \(TwoNodeTests.token)", endpoint + "/metrics"]
            ).run()
            return String(decoding: result.standardOutput, as: UTF8.self).split(separator: "\n")
                .first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Runs `tern ARGUMENTS --database URL`.
    static func tern(_ arguments: [String], database: Database, input: String = "") throws -> ChildProcess.Result {
        try ChildProcess(ServeProcess.tern, arguments + ["--database", database.url]).run(
            standardInput: Array(input.utf8))
    }

    static func deliver(_ subject: String, database: Database) throws -> Int32 {
        let message = "From: Bob <bob@example.org>\r\nTo: anna@tern.example\r\nSubject: \(subject)\r\n\r\nHello.\r\n"
        return try tern(["deliver", "--to", "anna@tern.example"], database: database, input: message).status
    }

    /// Points the device's profile at `node`, as a load balancer sending its next request there would.
    static func route(_ profile: URL, to node: Node) throws {
        let file = profile.appending(path: "profile.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var account = try #require(json["account"] as? [String: Any])
        account["endpoint"] = node.endpoint + "/Microsoft-Server-ActiveSync"
        json["account"] = account
        try JSONSerialization.data(withJSONObject: json).write(to: file)
    }

    static func device(_ profile: URL, _ arguments: [String], input: String = "") async throws -> ServeProcess.Outcome {
        let result = try await ChildProcess(ServeProcess.device, arguments + ["--profile", profile.path])
            .runDetached(standardInput: Array(input.utf8))
        return ServeProcess.Outcome(
            status: result.status, output: String(decoding: result.standardOutput, as: UTF8.self),
            error: result.standardError)
    }

    @Test func aDeviceMovesBetweenNodesAndAPingOnOneIsWokenThroughTheOther() async throws {
        let database = try Database()
        defer { database.drop() }
        let folder = try TemporaryDirectory("tern-nodes")
        defer { folder.remove() }
        let added = try Self.tern(
            ["user", "add", "anna", "--email", "anna@tern.example", "--password-stdin"], database: database,
            input: "secret\n")
        #expect(added.status == 0, "\(added.standardError)")
        let a = try Node(database: database, folder: folder, name: "a")
        defer { a.stop() }
        let b = try Node(database: database, folder: folder, name: "b")
        defer { b.stop() }
        let phone = folder.url.appending(path: "phone")

        // Provisioned and synced on A.
        let setup = try await Self.device(
            phone,
            ["setup", "--server", a.endpoint, "--user", "anna", "--device-id", "phone", "--password-stdin"],
            input: "secret\n")
        #expect(setup.status == 0, "\(setup)")
        #expect(try Self.deliver("First", database: database) == 0)
        let first = try await Self.device(phone, ["sync"])
        #expect(first.status == 0 && first.output.contains("Inbox: 1 added"), "\(first)")

        // The same policy key and sync keys on B: one new message, no new provisioning, no resync.
        try Self.route(phone, to: b)
        #expect(try Self.deliver("Second", database: database) == 0)
        let second = try await Self.device(phone, ["sync"])
        #expect(second.status == 0 && second.output.contains("Inbox: 1 added"), "\(second)")
        let listed = try await Self.device(phone, ["ls", "Inbox"])
        #expect(listed.output.contains("First") && listed.output.contains("Second"), "\(listed)")

        // A Ping held on A, woken by a delivery from a third process.
        try Self.route(phone, to: a)
        async let delivered = Self.device(phone, ["watch", "--count", "1", "--json", "--timeout", "60"])
        #expect(await eventually { (try? a.metric("tern_held_requests")) == 1 }, "the Ping is held on A")
        let started = ContinuousClock.now
        #expect(try Self.deliver("Pushed", database: database) == 0)
        let pushed = try await delivered
        #expect(pushed.status == 0 && pushed.output.contains("\"title\":\"Pushed\""), "\(pushed)")
        #expect(ContinuousClock.now - started < .seconds(10), "woken by the change, not the timeout")

        // A Ping held on A, woken by a policy change made on the database: the new policy wants a PIN.
        async let asked = Self.device(phone, ["watch", "--timeout", "60"])
        #expect(await eventually { (try? a.metric("tern_held_requests")) == 1 }, "the Ping is held on A")
        let changed = ContinuousClock.now
        #expect(try Self.tern(["policy", "set", "DevicePasswordEnabled", "1"], database: database).status == 0)
        let policy = try await asked
        #expect(policy.status == 4 && policy.error.contains("PIN"), "\(policy)")
        #expect(ContinuousClock.now - changed < .seconds(10), "woken by the policy change, not the timeout")
        #expect(try Self.tern(["policy", "set", "DevicePasswordEnabled", "0"], database: database).status == 0)

        // A Ping held on A, woken by a wipe through B's admin API: the device wipes itself.
        async let wiped = Self.device(phone, ["watch", "--timeout", "60"])
        #expect(await eventually { (try? a.metric("tern_held_requests")) == 1 }, "the Ping is held on A again")
        let curl = try #require(ChildProcess.onPath("curl"))
        let wipe = try ChildProcess(
            curl,
            [
                "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-H",
                "Authorization: Bearer \(Self.token)",
                b.endpoint + "/admin/api/v1/users/anna/devices/phone/wipe",
            ]
        ).run()
        #expect(String(decoding: wipe.standardOutput, as: UTF8.self) == "200")
        let ended = try await wiped
        #expect(ended.status == 5, "the held Ping ended in the wipe: \(ended)")
        let status = try await Self.device(phone, ["wipe-status"])
        #expect(status.output.hasPrefix("Wiped at "), "\(status)")
    }
}
