import Foundation
import MIME
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// Mail to other servers through a real SMTP relay (aiosmtpd) on 127.0.0.1: queued in the
/// same transaction as the sender's copy, handed over once, bounced when refused or given up
/// on, kept while the relay is down and across a restart.
@Suite struct RelayTests {
    static func relay(port: Int, host: String = "127.0.0.1") -> RelayConfiguration {
        var relay = RelayConfiguration(host: host, port: port, heloName: "tern.test", minBackoff: 1, maxBackoff: 1)
        relay.pollInterval = 0.2
        return relay
    }

    static func send(_ mime: [UInt8], on server: RunningServer, clientID: String = "c1") async throws -> Int {
        let device = try await server.session()
        let reply = try await device.send("SendMail", SendMailTests.sendMail(mime, clientID: clientID))
        return reply.status == 200 && reply.body == nil ? 200 : Int(reply.text("Status") ?? "") ?? reply.status
    }

    /// Waits until the queue is empty, or until every message in it has been tried `attempts` times.
    static func waitForQueue(_ server: RunningServer, attempts: Int = 0) async throws -> [QueuedMessage] {
        let store = server.store
        try await eventually(timeout: .seconds(20)) {
            let queued = try await store.queuedMessages()
            return attempts == 0 ? queued.isEmpty : queued.allSatisfy { $0.attempts >= attempts && $0.lastError != nil }
        }
        return try await store.queuedMessages()
    }

    @Test func aMessageToOutsideAddressesReachesTheRelayOnceWithoutBcc() async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let server = try await RunningServer { $0.relay = Self.relay(port: sink.port) }
        defer { Task { await server.stop() } }
        let bruno = try await server.createOtherUser()
        let mime = SendMailTests.message(
            to: "Carla <carla@outside.example>, bruno@tern.example", bcc: "dave@elsewhere.example")
        #expect(try await Self.send(mime, on: server) == 200)

        let received = try await sink.waitForMessages(1)
        #expect(received.count == 1)
        #expect(received.first?.mailFrom == "anna@tern.example")
        #expect(received.first?.rcptTos == ["carla@outside.example", "dave@elsewhere.example"])
        let content = try #require(received.first?.content)
        #expect(!content.contains("Bcc:") && !content.contains("dave@"), "Bcc goes in the envelope only")
        #expect(
            content.contains("Subject: Lunch") && content.contains("From: \"Anna\" <anna@tern.example>"), "\(content)")
        #expect(try await Self.waitForQueue(server).isEmpty)
        #expect(try await SendMailTests.messages(server, of: bruno, in: .inbox).count == 1, "the local one at once")
        #expect(try await SendMailTests.messages(server, of: server.user, in: .sentItems).count == 1)
        try await Task.sleep(for: .seconds(1))
        #expect(try sink.received().count == 1, "sent once, not again at the next polls (every 0.2 s)")
    }

    @Test func aRecipientTheRelayRefusesBouncesToTheSendersInbox() async throws {
        let sink = try SMTPSink(options: .init(refused: ["nobody@outside.example"]))
        defer { sink.stop() }
        let server = try await RunningServer { $0.relay = Self.relay(port: sink.port) }
        defer { Task { await server.stop() } }
        #expect(
            try await Self.send(SendMailTests.message(to: "carla@outside.example, nobody@outside.example"), on: server)
                == 200)

        #expect(try await sink.waitForMessages(1).first?.rcptTos == ["carla@outside.example"])
        #expect(try await Self.waitForQueue(server).isEmpty)
        let bounce = try #require(try await SendMailTests.messages(server, of: server.user, in: .inbox).first)
        #expect(bounce.subject == "Undelivered Mail Returned to Sender")
        #expect(bounce.headers["Content-Type"]?.hasPrefix("multipart/report; report-type=delivery-status") == true)
        let text = String(decoding: bounce.raw, as: UTF8.self)
        #expect(text.contains("Final-Recipient: rfc822; nobody@outside.example"))
        #expect(text.contains("Status: 5.1.1") && text.contains("Diagnostic-Code: smtp; 550 5.1.1"))
        #expect(!text.contains("Final-Recipient: rfc822; carla@outside.example"))
        #expect(text.contains("Subject: Lunch"), "the original's header comes back")
    }

    @Test func withTheRelayDownTheMessageStaysQueuedAcrossARestartAndIsSentOnceWhenItComesUp() async throws {
        let port = try SMTPSink.freePort()
        let first = try await RunningServer { $0.relay = Self.relay(port: port) }
        #expect(try await Self.send(SendMailTests.message(to: "carla@outside.example"), on: first) == 200)
        let waiting = try await Self.waitForQueue(first, attempts: 1)
        #expect(waiting.count == 1)
        #expect(waiting.first?.recipients == ["carla@outside.example"])
        #expect(waiting.first?.lastError?.contains("unreachable") == true, "\(waiting)")

        let server = try await first.restarted { $0.relay = Self.relay(port: port) }
        defer { Task { await server.stop() } }
        #expect(try await server.store.queuedMessages().count == 1)
        let sink = try SMTPSink(port: port)
        defer { sink.stop() }
        #expect(try await server.store.retryQueuedMessages(id: nil) == 1)
        #expect(try await sink.waitForMessages(1).count == 1)
        #expect(try await Self.waitForQueue(server).isEmpty)
        try await Task.sleep(for: .seconds(1))
        #expect(try sink.received().count == 1, "sent once, not again at the next polls (every 0.2 s)")
    }

    @Test func aMessageStillDeferredAtTheEndOfItsLifetimeBouncesWith447() async throws {
        let sink = try SMTPSink(options: .init(deferred: ["carla@outside.example"]))
        defer { sink.stop() }
        var relay = Self.relay(port: sink.port)
        relay.lifetime = 0
        let server = try await RunningServer { $0.relay = relay }
        defer { Task { await server.stop() } }
        #expect(try await Self.send(SendMailTests.message(to: "carla@outside.example"), on: server) == 200)
        #expect(try await Self.waitForQueue(server).isEmpty)
        let bounce = try #require(try await SendMailTests.messages(server, of: server.user, in: .inbox).first)
        let text = String(decoding: bounce.raw, as: UTF8.self)
        #expect(text.contains("Status: 4.4.7") && text.contains("451 4.3.0 try again later"))
        #expect(try sink.received().isEmpty)
    }

    @Test func starttlsAndAuthAreUsedWhenTheRelayAsksForThem() async throws {
        let folder = try TemporaryDirectory("relay-tls")
        defer { folder.remove() }
        let certificate = folder.url.appending(path: "cert.pem").path
        let key = folder.url.appending(path: "key.pem").path
        let openssl = try #require(ChildProcess.onPath("openssl"), "openssl is installed by .ci/run")
        let made = try ChildProcess(
            openssl,
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
            ]
        ).run()
        #expect(made.status == 0, "\(made.standardError)")
        let sink = try SMTPSink(options: .init(certificate: certificate, key: key, login: "tern:relay-secret"))
        defer { sink.stop() }
        var relay = Self.relay(port: sink.port, host: "localhost")
        relay.trustRootsFile = certificate
        relay.credentials = .init(username: "tern", password: "relay-secret")
        let server = try await RunningServer { $0.relay = relay }
        defer { Task { await server.stop() } }
        #expect(try await Self.send(SendMailTests.message(to: "carla@outside.example"), on: server) == 200)
        let received = try #require(try await sink.waitForMessages(1).first)
        #expect(received.tls && received.login == "tern")
    }

    @Test func aRelayWithoutTLSIsNotUsedWhenTLSIsRequired() async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        var relay = Self.relay(port: sink.port)
        relay.requireTLS = true
        let server = try await RunningServer { $0.relay = relay }
        defer { Task { await server.stop() } }
        #expect(try await Self.send(SendMailTests.message(to: "carla@outside.example"), on: server) == 200)
        let waiting = try await Self.waitForQueue(server, attempts: 1)
        #expect(waiting.first?.lastError?.contains("STARTTLS") == true, "\(waiting)")
        #expect(try sink.received().isEmpty)
    }

    @Test func anAddressNoSMTPCommandCanCarryIsStatus116AndNothingIsQueued() async throws {
        let server = try await RunningServer { $0.relay = Self.relay(port: 9) }
        defer { Task { await server.stop() } }
        let status = try await Self.send(SendMailTests.message(to: "\"john doe\"@outside.example"), on: server)
        #expect(status == 116)
        #expect(try await server.store.queuedMessages().isEmpty)
        #expect(try await SendMailTests.messages(server, of: server.user, in: .sentItems).isEmpty)
    }
}
