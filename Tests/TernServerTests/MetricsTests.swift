import Foundation
import TernStore
import TernTesting
import Testing

@testable import TernServer

/// `/metrics` over a real socket: on its own listener without credentials, on the EAS
/// listener to the admin token only, and counters that move with what devices do.
@Suite struct MetricsTests {
    static let adminToken = "metrics-test-admin-token"

    /// The value of the sample whose line starts with `series` (name and labels), nil when absent.
    static func sample(_ series: String, in exposition: String) -> Double? {
        exposition.split(separator: "\n").first { $0.hasPrefix(series + " ") }
            .flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    static func scrape(_ server: RunningServer, port: Int) async throws -> String {
        let reply = try await server.curl([], url: "http://127.0.0.1:\(port)/metrics", payload: nil)
        #expect(reply.status == 200)
        return String(decoding: reply.body, as: UTF8.self)
    }

    @Test func countersMoveWithRequestsPushesAndFailedSignIns() async throws {
        let metricsPort = try SMTPSink.freePort()
        let fixture = try await PushFixture.start(realClock: true) { configuration in
            configuration.adminToken = Self.adminToken
            configuration.metricsListener = MetricsListener(host: "127.0.0.1", port: metricsPort)
        }
        let server = fixture.server
        defer { Task { await server.stop() } }
        #expect(
            await eventually {
                (try? await server.curl([], url: "http://127.0.0.1:\(metricsPort)/healthz", payload: nil).status) == 200
            })
        let before = try await Self.scrape(server, port: metricsPort)
        let syncedBefore = Self.sample("tern_sync_items_total", in: before) ?? 0

        // A held Ping answered by a delivery, the new message synced, and a wrong password.
        let held = Task { try await fixture.ping(PushFixture.ping(heartbeat: 600, folders: [fixture.inbox])).reply }
        await fixture.waitUntilHeld()
        #expect(Self.sample("tern_held_requests", in: try await Self.scrape(server, port: metricsPort)) == 1)
        try await fixture.deliver("Counted")
        #expect(try await held.value.text("Status") == "2")
        _ = try await fixture.device.send(
            "Sync", SyncOverHTTPTests.syncBody(key: "1", collection: fixture.inbox.serverID))
        #expect(
            try await server.post("FolderSync", body: RunningServer.folderSync("0"), password: "wrong").status == 401)

        let after = try await Self.scrape(server, port: metricsPort)
        #expect(Self.sample("tern_requests_total{command=\"Ping\",status=\"200\"}", in: after) == 1)
        #expect(Self.sample("tern_requests_total{command=\"FolderSync\",status=\"401\"}", in: after) == 1)
        #expect((Self.sample("tern_request_duration_seconds_count{command=\"Sync\"}", in: after) ?? 0) >= 2)
        // Held, the Ping's answer is a push, whose wait is no request time; a delivery that comes
        // while the hub still checks the folders (a loaded machine) answers it at once instead.
        let pingTime = Self.sample("tern_request_duration_seconds_count{command=\"Ping\"}", in: after) ?? 0
        #expect(pingTime + (Self.sample("tern_push_wake_to_answer_seconds_count", in: after) ?? 0) == 1)
        #expect(Self.sample("tern_sync_items_total", in: after) == syncedBefore + 1)
        #expect(Self.sample("tern_auth_failures_total", in: after) == 1)
        #expect(Self.sample("tern_held_requests", in: after) == 0)
        #expect((Self.sample("tern_store_transactions_total{kind=\"write\"}", in: after) ?? 0) > 0)
        #expect((Self.sample("process_resident_memory_bytes", in: after) ?? 0) > 1_000_000)
        #expect((Self.sample("process_open_fds", in: after) ?? 0) > 0)
        #expect(after.contains("# TYPE tern_request_duration_seconds histogram"))
    }

    @Test func theEASListenerServesMetricsToTheAdminTokenOnly() async throws {
        try await RunningServer.with(adminToken: Self.adminToken) { server in
            #expect(try await server.send("GET", "/metrics").status == 401)
            #expect(try await server.send("GET", "/metrics", headers: ["Authorization": "Bearer wrong"]).status == 401)
            let reply = try await server.send(
                "GET", "/metrics", headers: ["Authorization": "Bearer \(Self.adminToken)"])
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(reply.text.contains("tern_held_requests 0"))
        }
        try await RunningServer.with(adminToken: nil) { server in
            let status = try await server.send("GET", "/metrics").status
            #expect(status == 404, "no admin token, no metrics on the EAS port")
        }
    }

    @Test func aPushAnswerIsTimedInItsOwnHistogramAndAHeldRequestHasNoRequestTime() {
        let metrics = ServerMetrics()
        metrics.requestAnswered(command: "Ping", status: 200, time: nil)
        metrics.pushAnswered(afterWake: .milliseconds(3))
        metrics.requestAnswered(command: "Sync", status: 200, time: .milliseconds(2))
        let text = String(decoding: metrics.exposition(Self.quietLevels), as: UTF8.self)
        #expect(Self.sample("tern_requests_total{command=\"Ping\",status=\"200\"}", in: text) == 1)
        #expect(Self.sample("tern_request_duration_seconds_count{command=\"Ping\"}", in: text) == nil)
        #expect(Self.sample("tern_push_wake_to_answer_seconds_count", in: text) == 1)
        #expect(Self.sample("tern_push_wake_to_answer_seconds_bucket{le=\"0.005\"}", in: text) == 1)
        #expect(Self.sample("tern_request_duration_seconds_count{command=\"Sync\"}", in: text) == 1)
    }

    static let quietLevels = MetricLevels(
        heldRequests: 0, openConnections: 0, bufferedRequestBytes: 0, outboundQueue: nil,
        passwordChecks: PasswordCheckFigures(
            bcryptChecks: 0, verifierChecks: 0, busyRefusals: 0, peakConcurrentBcrypt: 0, failures: 0),
        store: StoreTransactionFigures())
}
