import Foundation
import NIOCore
import TernStore
import Testing

@testable import TernServer

/// The pieces of the SMTP client that need no relay: replies, the DATA block, what an
/// address must be to go into a command, and the status a bounce reports.
@Suite struct SMTPDialogueTests {
    @Test func aMultiLineReplyIsOneReplyWithEachLinesText() throws {
        var reader = SMTPReplyReader()
        #expect(try reader.receive("250-relay.example greets tern.test") == nil)
        #expect(try reader.receive("250-SIZE 1000") == nil)
        let reply = try #require(try reader.receive("250 STARTTLS"))
        #expect(reply.code == 250 && reply.lines == ["relay.example greets tern.test", "SIZE 1000", "STARTTLS"])
        let hostile = try reader.receive("550 5.1.1 no\u{1B}[31m such\u{07}user")
        #expect(hostile?.description == "550 5.1.1 no [31m such user", "no control character reaches a terminal")
    }

    @Test(arguments: ["hello", "99 low", "250+x", "2500 x"])
    func aLineThatIsNotAReplyBreaksTheProtocol(_ line: String) {
        var reader = SMTPReplyReader()
        #expect(throws: RelayError.self) { try reader.receive(line) }
    }

    @Test func aReplyWhoseLinesDisagreeOnTheCodeBreaksTheProtocol() throws {
        var reader = SMTPReplyReader()
        _ = try reader.receive("250-first")
        #expect(throws: RelayError.self) { try reader.receive("550 second") }
    }

    @Test func theDataBlockDoublesLeadingDotsEndsLinesWithCRLFAndEndsWithALoneDot() {
        let block = SMTPDataBlock.encode(Array("Subject: x\n\n.hidden\r\n..two\rlast".utf8))
        #expect(String(decoding: block, as: UTF8.self) == "Subject: x\r\n\r\n..hidden\r\n...two\r\nlast\r\n.\r\n")
        #expect(String(decoding: SMTPDataBlock.encode(Array("a\r\n".utf8)), as: UTF8.self) == "a\r\n.\r\n")
    }

    @Test(arguments: [
        ("carla@outside.example", true), ("\"john doe\"@outside.example", false), ("a@b@c", false),
        ("carla@outside.example>\r\nRCPT TO:<x@y", false), ("jürgen@outside.example", false), ("@x", false),
    ])
    func onlyAnAddressACommandCarriesSafelyIsSent(_ address: String, _ safe: Bool) {
        #expect(SMTPClient.isSafeInCommand(address) == safe)
    }

    @Test func aBouncesStatusComesFromTheRelaysEnhancedCodeElseFromItsClass() {
        #expect(DeliveryStatusNotification.status(of: "550 5.1.1 no such user") == "5.1.1")
        #expect(DeliveryStatusNotification.status(of: "554 transaction failed") == "5.0.0")
        #expect(DeliveryStatusNotification.status(of: "4.4.7 gave up after 5 days: relay unreachable") == "4.4.7")
        #expect(DeliveryStatusNotification.status(of: "553 5.1.3 not an address") == "5.1.3")
        #expect(DeliveryStatusNotification.status(of: "550 2.0.0 contradicts itself") == "5.0.0")
        #expect(DeliveryStatusNotification.status(of: "550 5.١.1 arabic digits") == "5.0.0")
    }

    @Test(arguments: [
        ("localhost", true), ("127.0.0.1", true), ("127.8.9.10", true), ("::1", true),
        ("127.evil.example", false), ("127.0.0.1.evil.example", false), ("10.0.0.1", false), ("relay.example", false),
    ])
    func onlyThisMachineIsLoopback(_ host: String, _ loopback: Bool) {
        #expect(RelayConfiguration(host: host, port: 25).isLoopback == loopback)
    }

    @Test func aRetryWaitsTwiceAsLongEachTimeUpToTheMaximum() {
        let relay = RelayConfiguration(host: "relay.example", port: 25, minBackoff: 300, maxBackoff: 4_000)
        #expect((1...6).map { relay.backoff(afterAttempts: $0) } == [300, 600, 1_200, 2_400, 4_000, 4_000])
    }

    @Test(arguments: [
        ("smtp://relay.example", "relay.example", 25), ("smtp://127.0.0.1:2525", "127.0.0.1", 2525),
        ("SMTP://relay.example:587/", "relay.example", 587),
    ])
    func aRelayURLNamesHostAndPort(_ url: String, _ host: String, _ port: Int) throws {
        let relay = try #require(RelayConfiguration(url: url))
        #expect(relay.host == host && relay.port == port)
    }

    @Test(arguments: [
        "http://relay.example", "smtp://", "smtp://user:pw@relay.example", "smtp://relay.example:0", "relay",
    ])
    func anythingElseIsNoRelayURL(_ url: String) {
        #expect(RelayConfiguration(url: url) == nil)
    }
}

/// The SMTP client against relays that misbehave or speak older dialects, each scripted.
@Suite struct SMTPClientScriptTests {
    static func send(to relay: ScriptedRelay, _ tuning: (inout RelayConfiguration) -> Void = { _ in }) async
        -> RelayOutcome
    {
        var configuration = RelayConfiguration(host: "127.0.0.1", port: relay.port, heloName: "tern.test")
        tuning(&configuration)
        return await SMTPClient(configuration: configuration).send(
            Array("Subject: x\r\n\r\nHello.\r\n".utf8), from: "anna@tern.example", to: ["carla@outside.example"])
    }

    static let plain: [String: [String]] = [
        "EHLO": ["250-relay.test\r\n250 8BITMIME\r\n"], "MAIL": ["250 2.1.0 ok\r\n"], "RCPT": ["250 2.1.5 ok\r\n"],
        "DATA": ["354 go ahead\r\n"], ".": ["250 2.0.0 queued\r\n"], "QUIT": ["221 bye\r\n"],
    ]

    @Test func repliesInjectedBehindTheSTARTTLSReplyEndTheConversationUndelivered() async throws {
        var replies = Self.plain
        replies["EHLO"] = ["250-relay.test\r\n250 STARTTLS\r\n"]
        replies["STARTTLS"] = ["220 go ahead\r\n250-relay.test\r\n250 AUTH PLAIN\r\n"]
        let relay = try ScriptedRelay(replies: replies)
        defer { relay.stop() }
        let outcome = await Self.send(to: relay)
        #expect(outcome.accepted.isEmpty && outcome.deferred == ["carla@outside.example"])
        #expect(outcome.deferralReason?.contains("plaintext after the STARTTLS reply") == true, "\(outcome)")
        #expect(!relay.transcript().contains { $0.hasPrefix("MAIL") })
    }

    @Test func aThreeHundredReplyToTheEndOfTheDataIsNotDelivery() async throws {
        var replies = Self.plain
        replies["."] = ["354 more please\r\n"]
        let relay = try ScriptedRelay(replies: replies)
        defer { relay.stop() }
        let outcome = await Self.send(to: relay)
        #expect(outcome.accepted.isEmpty && outcome.deferred == ["carla@outside.example"], "\(outcome)")
    }

    @Test func aRelayThatDoesNotKnowEHLOIsGreetedWithHELO() async throws {
        var replies = Self.plain
        replies["EHLO"] = ["502 5.5.1 what\r\n"]
        replies["HELO"] = ["250 relay.test\r\n"]
        let relay = try ScriptedRelay(replies: replies)
        defer { relay.stop() }
        let outcome = await Self.send(to: relay)
        #expect(outcome.accepted == ["carla@outside.example"], "\(outcome)")
        #expect(relay.transcript().prefix(2) == ["EHLO tern.test", "HELO tern.test"])
    }

    @Test func authLoginSendsTheUserAndPasswordInBase64ToALoopbackRelay() async throws {
        var replies = Self.plain
        replies["EHLO"] = ["250-relay.test\r\n250 AUTH LOGIN\r\n"]
        replies["AUTH"] = ["334 VXNlcm5hbWU6\r\n"]
        replies["*"] = ["334 UGFzc3dvcmQ6\r\n", "235 2.7.0 ok\r\n"]
        let relay = try ScriptedRelay(replies: replies)
        defer { relay.stop() }
        let outcome = await Self.send(to: relay) { $0.credentials = .init(username: "tern", password: "pw") }
        #expect(outcome.accepted == ["carla@outside.example"], "\(outcome)")
        #expect(relay.transcript().prefix(4) == ["EHLO tern.test", "AUTH LOGIN", "dGVybg==", "cHc="])
    }

    @Test func aRecipientRefusedBeforeTheConversationBrokeStaysRefused() async throws {
        var replies = Self.plain
        replies["RCPT"] = ["550 5.1.1 no such user\r\n"]
        replies["QUIT"] = ["421 going away\r\n"]
        let relay = try ScriptedRelay(replies: replies)
        defer { relay.stop() }
        let outcome = await Self.send(to: relay)
        #expect(outcome.refused.map(\.address) == ["carla@outside.example"] && outcome.deferred.isEmpty, "\(outcome)")
    }
}
