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
        #expect(try reader.receive("550 5.1.1 no such user")?.enhancedStatus == "5.1.1")
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
        let block = SMTPClient.dataBlock(Array("Subject: x\n\n.hidden\r\n..two\rlast".utf8))
        #expect(String(buffer: block) == "Subject: x\r\n\r\n..hidden\r\n...two\r\nlast\r\n.\r\n")
        #expect(String(buffer: SMTPClient.dataBlock(Array("a\r\n".utf8))) == "a\r\n.\r\n")
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
