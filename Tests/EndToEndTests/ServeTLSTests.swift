import Foundation
import TernTesting
import Testing

/// `tern serve --tls-cert --tls-key` speaks HTTPS, and SIGHUP swaps in renewed files.
@Suite struct ServeTLSTests {
    /// The status of OPTIONS over HTTPS trusting `authority`; 0 when TLS fails.
    static func options(port: String, trusting authority: String) throws -> Int {
        let curl = try #require(ChildProcess.onPath("curl"))
        let result = try ChildProcess(
            curl,
            [
                "-s", "-o", "/dev/null", "-w", "%{http_code}", "-m", "10", "--cacert", authority, "-X", "OPTIONS",
                "https://127.0.0.1:\(port)/Microsoft-Server-ActiveSync",
            ]
        ).run()
        return Int(String(decoding: result.standardOutput, as: UTF8.self)) ?? 0
    }

    @Test func sighupSwapsTheCertificateForNewConnections() async throws {
        let folder = try TemporaryDirectory("tern-tls")
        defer { folder.remove() }
        let path = { (name: String) in folder.url.appending(path: name).path }
        try TestCertificate.make(certificate: path("old.pem"), key: path("old.key"))
        try TestCertificate.make(certificate: path("new.pem"), key: path("new.key"))
        try FileManager.default.copyItem(atPath: path("old.pem"), toPath: path("live.pem"))
        try FileManager.default.copyItem(atPath: path("old.key"), toPath: path("live.key"))
        let (process, port) = try ServeProcess.launch([
            "serve", "--listen", "127.0.0.1:0", "--data", path("data"), "--tls-cert", path("live.pem"), "--tls-key",
            path("live.key"),
        ])
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        #expect(try Self.options(port: port, trusting: path("old.pem")) == 200)
        for name in ["pem", "key"] {
            try Data(contentsOf: URL(fileURLWithPath: path("new.\(name)"))).write(
                to: URL(fileURLWithPath: path("live.\(name)")))
        }
        kill(process.processIdentifier, SIGHUP)
        var swapped = false
        for _ in 0..<50 where !swapped {
            swapped = try Self.options(port: port, trusting: path("new.pem")) == 200
            if !swapped { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(swapped && process.isRunning)
        #expect(try Self.options(port: port, trusting: path("old.pem")) == 0)
    }
}
