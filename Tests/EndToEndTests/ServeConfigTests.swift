import Foundation
import TernAuth
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// `tern serve --config FILE`: a file with every key runs a server that uses them; a bad
/// file is one line on stderr and exit 1.
@Suite(.serialized)
struct ServeConfigTests {
    static let tern = ChildProcess.builtProduct("tern")
    static let token = "config-test-token-0123456789"

    private func write(_ json: String, in folder: TemporaryDirectory) throws -> String {
        let path = folder.url.appending(path: "tern.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aFileWithEveryKeyConfiguresTheServer() async throws {
        let folder = try TemporaryDirectory("tern-config")
        defer { folder.remove() }
        let data = folder.url.appending(path: "data").path
        let store = try SQLiteStore(dataDirectory: data)
        _ = try await store.createUser(
            NewUser(
                login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna",
                passwordHash: PasswordHash.make("secret", cost: 4)))
        let metricsPort = try SMTPSink.freePort()
        let path = try write(
            """
            {"listen": "127.0.0.1:0", "data": "\(data)", "adminToken": "\(Self.token)",
             "metrics": "127.0.0.1:\(metricsPort)", "logFormat": "json", "logLevel": "warning",
             "publicURL": "https://mail.example.com", "maxRequestBytes": 65536, "heartbeat": {"min": 120, "max": 1800},
             "maxHeldPerUser": 10, "maxHeldTotal": 1000, "maxConcurrentRequests": 8,
             "connections": {"headTimeout": 20, "idleTimeout": 60, "minBodyBytesPerSecond": 512},
             "autoblock": {"maxQuietRequestsPerMinute": 120, "requestRateBlockSeconds": 60, "maxUserAgentChangesPerDay": 3}}
            """, in: folder)

        let (process, port) = try ServeProcess.launch(["serve", "--config", path])
        defer {
            process.terminate()
            process.waitUntilExit()
        }

        let users = try curl([
            "-H", "Authorization: Bearer \(Self.token)", "http://127.0.0.1:\(port)/admin/api/v1/users",
        ])
        #expect(users.contains(#""login":"anna""#), "the admin token was read: \(users)")
        let metrics = try curl(["--retry", "5", "--retry-connrefused", "http://127.0.0.1:\(metricsPort)/metrics"])
        #expect(metrics.contains("tern_held_requests"), "the metrics listener was read: \(metrics)")
        let request = """
            <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006"><Request>\
            <EMailAddress>anna@tern.example</EMailAddress><AcceptableResponseSchema>\
            http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006</AcceptableResponseSchema>\
            </Request></Autodiscover>
            """
        let settings = try curl([
            "-u", "anna:secret", "--data-binary", request, "http://127.0.0.1:\(port)/autodiscover/autodiscover.xml",
        ])
        #expect(
            settings.contains("<Url>https://mail.example.com/Microsoft-Server-ActiveSync</Url>"),
            "the public URL was read: \(settings)")
        let large = try curl([
            "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "--data-binary",
            String(repeating: "x", count: 70_000),
            "http://127.0.0.1:\(port)/Microsoft-Server-ActiveSync?Cmd=FolderSync&User=anna&DeviceId=X&DeviceType=Y",
            "-u", "anna:secret", "-H", "MS-ASProtocolVersion: 14.1", "-H",
            "Content-Type: application/vnd.ms-sync.wbxml",
        ])
        #expect(large == "413", "maxRequestBytes was read")
    }

    /// `Deploy/tern.json`, the example the deployment notes install, is a file the server takes.
    @Test func theDeploymentExampleIsAcceptedWithTheCommandLineWinning() throws {
        let folder = try TemporaryDirectory("tern-config")
        defer { folder.remove() }
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(
            path: "../../Deploy/tern.json"
        ).standardized.path
        let (process, port) = try ServeProcess.launch([
            "serve", "--config", example, "--listen", "127.0.0.1:0", "--data", folder.path,
        ])
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let options = try curl([
            "-o", "/dev/null", "-w", "%{http_code}", "-X", "OPTIONS",
            "http://127.0.0.1:\(port)/Microsoft-Server-ActiveSync",
        ])
        #expect(options == "200")
    }

    private func curl(_ arguments: [String]) throws -> String {
        let tool = try #require(ChildProcess.onPath("curl"))
        return String(
            decoding: try ChildProcess(tool, ["-s", "-m", "10"] + arguments).run().standardOutput, as: UTF8.self)
    }

    @Test(arguments: [
        (#"{"listen": "#, "not valid JSON"),
        (
            #"{"adminTocken": "x"}"#,
            #""adminTocken": unknown key (known: listen, lmtp, data, adminToken, publicURL, maxRequestBytes, heartbeat, maxHeldPerUser, maxHeldTotal, maxConcurrentRequests, connections, autoblock, relay, passwordVerifierKey, tlsCertificate, tlsKey, metrics, logFormat, logLevel, database, databasePoolSize)"#
        ),
        (#"{"heartbeat": {"min": 60, "mx": 10}}"#, #""heartbeat.mx": unknown key (known: min, max)"#),
        (#"{"relay": {"url": "smtps://relay.example"}}"#, "relay.url takes smtp://HOST[:PORT]"),
        (
            #"{"relay": {"url": "smtp://relay.example", "username": "tern"}}"#,
            "relay needs both username and password, or neither"
        ),
        (#"{"relay": {"retry": {"min": 600, "max": 60}}}"#, "relay.retry.max is below relay.retry.min"),
        (#"{"listen": "localhost"}"#, "listen takes HOST:PORT, e.g. 0.0.0.0:8080"),
        (#"{"lmtp": "2424"}"#, "lmtp takes HOST:PORT, e.g. 127.0.0.1:2424"),
        (#"{"maxRequestBytes": "big"}"#, #""maxRequestBytes" is not a whole number"#),
        (#"{"heartbeat": {"min": 600, "max": 60}}"#, "heartbeat takes 1 <= min <= max (seconds), got min 600, max 60"),
        (#"{"publicURL": "mail.example.com"}"#, "publicURL takes http(s)://HOST[:PORT], e.g. https://mail.example.com"),
        (#"[]"#, "the top level is not of the expected kind"),
        (#"{"maxHeldPerUser": 0}"#, "maxHeldPerUser is below 1"),
        (#"{"maxConcurrentRequests": 0}"#, "maxConcurrentRequests is below 1"),
        (#"{"connections": {"idleTimeout": 0}}"#, "connections.idleTimeout is below 1 second"),
        (#"{"autoblock": {"requestRateBlockSeconds": 0}}"#, "autoblock.requestRateBlockSeconds is below 1"),
        (
            #"{"connections": {"idle": 5}}"#,
            #""connections.idle": unknown key (known: headTimeout, idleTimeout, minBodyBytesPerSecond)"#
        ),
    ])
    func aBadFileIsOneLineAndExit1(json: String, message: String) throws {
        let folder = try TemporaryDirectory("tern-config")
        defer { folder.remove() }
        let path = try write(json, in: folder)
        let result = try ChildProcess(Self.tern, ["serve", "--config", path, "--data", folder.path]).run()
        #expect(result.status == 1)
        #expect(result.standardError == "tern: config \(path): \(message)\n")
    }

    @Test func aVerifierKeyOthersMayReadIsOneLineAndExit1() throws {
        let folder = try TemporaryDirectory("tern-config")
        defer { folder.remove() }
        let key = folder.url.appending(path: "verifier.key").path
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: key))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        let result = try ChildProcess(
            Self.tern, ["serve", "--password-verifier-key", key, "--listen", "127.0.0.1:0", "--data", folder.path]
        ).run()
        #expect(result.status == 1)
        #expect(result.standardError == "tern: the verifier key \(key) may be read by others: chmod 600 it\n")
    }

    @Test func configCheckNamesEveryMistakeOrPrintsTheEffectiveConfigurationMasked() throws {
        let folder = try TemporaryDirectory("tern-config")
        defer { folder.remove() }
        let bad = try write(
            #"{"adminToken": "short", "maxHeldTotal": 0, "passwordVerifierKey": "/nonexistent/key"}"#, in: folder)
        let refused = try ChildProcess(Self.tern, ["config", "check", bad]).run()
        #expect(refused.status == 1)
        #expect(
            refused.standardError == """
                tern: config \(bad): adminToken is shorter than 16 characters
                tern: config \(bad): maxHeldTotal is below 1
                tern: config \(bad): passwordVerifierKey: cannot read the verifier key /nonexistent/key

                """)
        let good = try write(
            """
            {"listen": "0.0.0.0:8443", "adminToken": "\(Self.token)", "maxHeldPerUser": 9,
             "relay": {"url": "smtp://relay.example:587", "username": "tern", "password": "relay-secret"}}
            """, in: folder)
        let env = try #require(ChildProcess.onPath("env"))
        let checked = try ChildProcess(env, ["TERN_DATA=/srv/tern", Self.tern.path, "config", "check", good]).run()
        let output = String(decoding: checked.standardOutput, as: UTF8.self)
        #expect(checked.status == 0, "\(checked.standardError)")
        let effective = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(effective["listen"] as? String == "0.0.0.0:8443" && effective["data"] as? String == "/srv/tern")
        #expect(effective["maxHeldPerUser"] as? Int == 9 && effective["maxHeldTotal"] as? Int == 200_000)
        #expect(effective["adminToken"] as? String == "********")
        let relay = try #require(effective["relay"] as? [String: Any])
        #expect(relay["password"] as? String == "********" && relay["username"] as? String == "tern")
        #expect(!output.contains(Self.token) && !output.contains("relay-secret"))
    }

    @Test func environmentVariablesWinOverTheFileAndTheCommandLineOverBoth() throws {
        let folder = try TemporaryDirectory("tern-config")
        defer { folder.remove() }
        let path = try write(
            """
            {"listen": "127.0.0.1:1", "data": "\(folder.path)/file-data", "adminToken": "from-the-file-0123456789",
             "maxHeldTotal": 1000, "logLevel": "debug"}
            """, in: folder)
        let environment = [
            "TERN_ADMIN_TOKEN": Self.token, "TERN_MAX_HELD_TOTAL": "5", "TERN_LOG_FORMAT": "json",
            "TERN_DATA": "\(folder.path)/env-data",
        ]
        let env = try #require(ChildProcess.onPath("env"))
        let checked = try ChildProcess(
            env,
            environment.sorted { $0.key < $1.key }.map { "\($0)=\($1)" } + [Self.tern.path, "config", "check", path]
        ).run()
        #expect(checked.status == 0, "\(checked.standardError)")
        let effective = try #require(
            try JSONSerialization.jsonObject(with: Data(checked.standardOutput)) as? [String: Any])
        #expect(effective["maxHeldTotal"] as? Int == 5 && effective["logFormat"] as? String == "json")
        #expect(
            effective["logLevel"] as? String == "debug" && effective["data"] as? String == "\(folder.path)/env-data")

        let (process, port) = try ServeProcess.launch(
            ["serve", "--config", path, "--listen", "127.0.0.1:0"], environment: environment)
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let url = "http://127.0.0.1:\(port)/admin/api/v1/users"
        #expect(
            try curl(["-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer \(Self.token)", url])
                == "200")
        #expect(
            try curl([
                "-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer from-the-file-0123456789", url,
            ])
                == "401")
        #expect(FileManager.default.fileExists(atPath: "\(folder.path)/env-data/tern.sqlite"))

        let refused = try ChildProcess(env, ["TERN_MAX_HELD_TOTAL=many", Self.tern.path, "serve", "--config", path])
            .run()
        #expect(refused.status == 1)
        #expect(refused.standardError == "tern: config \(path): TERN_MAX_HELD_TOTAL is not a whole number: many\n")
    }

    @Test func aMissingFileIsOneLineAndExit1() throws {
        let result = try ChildProcess(Self.tern, ["serve", "--config", "/nonexistent/tern.json"]).run()
        #expect(
            result.status == 1 && result.standardError == "tern: config /nonexistent/tern.json: cannot read the file\n")
    }
}
