import ActiveSync
import Foundation
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// HTTPS spoken by the server itself (`--tls-cert`, `--tls-key`), with certificates made by
/// openssl in the test.
@Suite struct TLSTests {
    /// A self-signed certificate for 127.0.0.1 and its key, as `name`.pem and `name`.key.
    static func makeCertificate(_ name: String, in directory: TemporaryDirectory) throws -> TLSFiles {
        let files = TLSFiles(
            certificateFile: directory.url.appending(path: "\(name).pem").path,
            keyFile: directory.url.appending(path: "\(name).key").path)
        try TestCertificate.make(certificate: files.certificateFile, key: files.keyFile)
        return files
    }

    /// OPTIONS over HTTPS trusting `authority`: the status, 0 when TLS failed.
    static func options(_ server: RunningServer, trusting authority: String, scheme: String = "https") async throws
        -> Int
    {
        try await server.curl(
            ["-X", "OPTIONS", "--cacert", authority],
            url: "\(scheme)://127.0.0.1:\(server.port)/Microsoft-Server-ActiveSync",
            payload: nil
        ).status
    }

    @Test func aDeviceSyncsOverHTTPSAndAReloadKeepsItsHeldPing() async throws {
        let certificates = try TemporaryDirectory("tern-tls")
        defer { certificates.remove() }
        let first = try Self.makeCertificate("first", in: certificates)
        let live = TLSFiles(
            certificateFile: certificates.url.appending(path: "live.pem").path,
            keyFile: certificates.url.appending(path: "live.key").path)
        try FileManager.default.copyItem(atPath: first.certificateFile, toPath: live.certificateFile)
        try FileManager.default.copyItem(atPath: first.keyFile, toPath: live.keyFile)
        let fixture = try await PushFixture.start(realClock: true, tuning: { $0.tls = live })
        let server = fixture.server
        defer { Task { await server.stop() } }
        #expect(try await Self.options(server, trusting: first.certificateFile) == 200)
        #expect(try await Self.options(server, trusting: first.certificateFile, scheme: "http") != 200)

        // A Ping held over TLS, then a new certificate.
        let held = Task {
            try await fixture.ping(PushFixture.ping(heartbeat: 600, folders: [fixture.inbox])).reply
        }
        await fixture.waitUntilHeld()
        let second = try Self.makeCertificate("second", in: certificates)
        for (from, to) in [(second.certificateFile, live.certificateFile), (second.keyFile, live.keyFile)] {
            try Data(contentsOf: URL(fileURLWithPath: from)).write(to: URL(fileURLWithPath: to))
        }
        try server.reloadCertificates()
        #expect(try await Self.options(server, trusting: live.certificateFile) == 200)
        #expect(try await Self.options(server, trusting: first.certificateFile) == 0)

        try await fixture.deliver("After the reload")
        let answer = try await held.value
        #expect(answer.status == 200 && answer.text("Status") == "2")
    }

    @Test func aKeyThatIsNotTheCertificatesIsRefused() throws {
        let certificates = try TemporaryDirectory("tern-tls")
        defer { certificates.remove() }
        let one = try Self.makeCertificate("one", in: certificates)
        let other = try Self.makeCertificate("other", in: certificates)
        #expect(throws: TLSCertificates.Refusal.self) {
            try TLSCertificates(TLSFiles(certificateFile: one.certificateFile, keyFile: other.keyFile))
        }
        #expect(throws: TLSCertificates.Refusal.self) {
            try TLSCertificates(TLSFiles(certificateFile: "/nonexistent.pem", keyFile: one.keyFile))
        }
    }
}
