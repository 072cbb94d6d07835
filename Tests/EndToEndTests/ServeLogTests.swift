import Foundation
import TernAuth
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// `tern serve --log-format json`: one JSON object a line, a line per request with its command,
/// user, device and status, and never the password.
@Suite struct ServeLogTests {
    @Test func jsonLogsHaveALinePerRequestAndNoPassword() async throws {
        let folder = try TemporaryDirectory("tern-log")
        defer { folder.remove() }
        let data = folder.url.appending(path: "data").path
        _ = try await SQLiteStore(dataDirectory: data).createUser(
            NewUser(
                login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna",
                passwordHash: PasswordHash.make("secret-pw", cost: 4)))
        let log = folder.url.appending(path: "serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = ServeProcess.tern
        process.arguments = ["serve", "--listen", "127.0.0.1:0", "--data", data, "--log-format", "json"]
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var port: String?
        for _ in 0..<100 where port == nil {
            let text = try String(contentsOf: log, encoding: .utf8)
            port = text.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)\//).map { String($0.1) }
            if port == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let curl = try #require(ChildProcess.onPath("curl"))
        _ = try ChildProcess(
            curl,
            [
                "-s", "-o", "/dev/null", "-X", "POST", "-u", "anna:secret-pw", "-H", "MS-ASProtocolVersion: 14.1",
                "http://127.0.0.1:\(try #require(port))/Microsoft-Server-ActiveSync?Cmd=FolderSync&User=anna&DeviceId=LOG1&DeviceType=iPhone",
            ]
        ).run()
        process.terminate()
        process.waitUntilExit()
        let text = try String(contentsOf: log, encoding: .utf8)
        let objects = text.split(separator: "\n").filter { $0.hasPrefix("{") }.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
        }
        let request = try #require(objects.first { $0["command"] == "FolderSync" })
        #expect(request["user"] == "anna" && request["device"] == "LOG1" && request["status"] != nil)
        #expect(request["level"] == "info" && request["time"] != nil && request["message"] != nil)
        #expect(!text.contains("secret-pw"))
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("{") || $0.hasPrefix("tern: ") })
    }
}
