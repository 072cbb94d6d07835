import Foundation
import TernTesting
import Testing

/// `tern serve --relay` with `tern queue` on a real relay (aiosmtpd): a message queued while
/// the relay is down survives kill -9 of the server and is sent once when the relay is back;
/// `tern queue` lists, retries and drops by ID, with one line and exit 1 for an unknown one.
@Suite struct QueueCommandTests {
    struct Listed: Decodable {
        let id: Int64
        let recipients: [String]
        let attempts: Int
        let lastError: String?
    }

    static func listed(_ serve: ServeProcess) throws -> [Listed] {
        let result = try serve.tern(["queue", "list", "--json"])
        #expect(result.status == 0, "\(result)")
        return try JSONDecoder().decode([Listed].self, from: Data(result.output.utf8))
    }

    /// Waits until every listed message was tried and failed at least once.
    static func waitUntilTried(_ serve: ServeProcess) async throws -> [Listed] {
        try await eventually(timeout: .seconds(20)) {
            let listed = try listed(serve)
            return !listed.isEmpty && listed.allSatisfy { $0.attempts >= 1 && $0.lastError != nil }
        }
        return try listed(serve)
    }

    @Test func aMessageQueuedWhileTheRelayIsDownSurvivesKill9AndIsSentOnce() async throws {
        let port = try SMTPSink.freePort()
        let serve = try await ServeProcess(arguments: ["--relay", "smtp://127.0.0.1:\(port)"])
        defer { serve.stop() }
        #expect(try await serve.setUp("phone").status == 0)
        let sent = try await serve.device(
            "phone", ["send", "--to", "carla@outside.example", "--subject", "Out"], input: "Hello from Tern.\n")
        #expect(sent.status == 0, "\(sent)")
        let waiting = try await Self.waitUntilTried(serve)
        #expect(waiting.map(\.recipients) == [["carla@outside.example"]])
        #expect(waiting.first?.lastError?.contains("unreachable") == true, "\(waiting)")

        try serve.killAndRestart()
        #expect(try Self.listed(serve).count == 1, "kill -9 lost nothing")
        let sink = try SMTPSink(port: port)
        defer { sink.stop() }
        let retried = try serve.tern(["queue", "retry", "--all"])
        #expect(retried.status == 0 && retried.output == "1 message due now\n", "\(retried)")
        let received = try await sink.waitForMessages(1)
        #expect(received.map(\.rcptTos) == [["carla@outside.example"]])
        #expect(received.first?.content.contains("Subject: Out") == true, "\(received)")
        #expect(
            try await eventually { try Self.listed(serve).isEmpty }, "delivered: the row is gone, so never sent again")
        #expect(try sink.received().count == 1, "sent once")
    }

    @Test func queueRetryAndDropNameAMessageAndSayWhenThereIsNone() async throws {
        let serve = try await ServeProcess(arguments: ["--relay", "smtp://127.0.0.1:\(try SMTPSink.freePort())"])
        defer { serve.stop() }
        #expect(try await serve.setUp("phone").status == 0)
        _ = try await serve.device(
            "phone", ["send", "--to", "carla@outside.example", "--subject", "Out"], input: "x\n")
        let id = try #require(try await Self.waitUntilTried(serve).first?.id)
        let table = try serve.tern(["queue", "list"])
        #expect(table.output.contains("carla@outside.example") && table.output.contains("LAST ERROR"), "\(table)")

        let unknown = try serve.tern(["queue", "drop", "999999"])
        #expect(unknown.status == 1 && unknown.error == "tern: no queued message 999999\n", "\(unknown)")
        let neither = try serve.tern(["queue", "retry"])
        #expect(neither.status == 64, "\(neither)")
        #expect(try serve.tern(["queue", "retry", String(id)]).output == "1 message due now\n")
        let dropped = try serve.tern(["queue", "drop", String(id)])
        #expect(dropped.status == 0 && dropped.output == "dropped message \(id)\n", "\(dropped)")
        #expect(try Self.listed(serve).isEmpty)
    }
}
