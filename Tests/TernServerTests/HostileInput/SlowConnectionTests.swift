import ActiveSync
import Foundation
import TernServer
import TernTesting
import Testing

/// Connections that send nothing, half a head or a body that stalls are closed at their
/// limits, so that they cannot take every descriptor; a held Ping is not idle and is
/// answered at its heartbeat. Limits are short here; the defaults are 30 s and 120 s.
@Suite struct SlowConnectionTests {
    static let limits = ConnectionLimits(
        headTimeout: .milliseconds(600), idleTimeout: .seconds(2), minBodyBytesPerSecond: 100)

    /// Whether the server closed the connection no sooner than `low` (the limit held it) and
    /// within 15 s (it was closed at all): a loaded test machine runs timers late, never early.
    static func closed(_ connection: RawHTTPConnection, notBefore low: Duration) async -> Bool {
        guard let elapsed = await connection.timeUntilClosed(limit: .seconds(15)) else { return false }
        return elapsed >= low
    }

    @Test func silentHalfHeadAndStalledBodyConnectionsAreClosedWhileAHeldPingIsAnswered() async throws {
        let fixture = try await PushFixture.start(realClock: true) { $0.connectionLimits = Self.limits }
        defer { Task { await fixture.server.stop() } }
        let port = fixture.server.port
        async let held = fixture.ping(PushFixture.ping(heartbeat: 4, folders: [fixture.inbox]))

        let silent = try RawHTTPConnection(port: port)
        let halfHead = try RawHTTPConnection(port: port)
        await halfHead.write("POST /Microsoft-Server-ActiveSync?Cmd=Sync HTTP/1.1\r\nHost: te")
        let stalled = try RawHTTPConnection(port: port)
        await stalled.write(
            "POST /Microsoft-Server-ActiveSync?Cmd=Sync HTTP/1.1\r\nHost: tern\r\nContent-Length: 5000\r\n\r\n0123456789"
        )
        async let silentClosed = Self.closed(silent, notBefore: .milliseconds(400))
        async let halfHeadClosed = Self.closed(halfHead, notBefore: .milliseconds(400))
        // 600 ms after the head, plus 10 bytes at 100 bytes a second.
        async let stalledClosed = Self.closed(stalled, notBefore: .milliseconds(500))
        #expect(await silentClosed, "a connection that sends nothing")
        #expect(await halfHeadClosed, "half a request head")
        #expect(await stalledClosed, "a body that stalls")

        let (reply, elapsed) = try await held
        #expect(reply.status == 200)
        #expect(reply.ping?.status == .expired, "the held Ping is answered at its heartbeat")
        #expect(elapsed >= .seconds(4))
    }

    @Test func aKeptAliveConnectionIsClosedOnlyAfterTheIdleLimit() async throws {
        let server = try await RunningServer { $0.connectionLimits = Self.limits }
        defer { Task { await server.stop() } }
        let connection = try RawHTTPConnection(port: server.port)
        let (responses, _) = await connection.exchange(
            "OPTIONS /Microsoft-Server-ActiveSync HTTP/1.1\r\nHost: tern\r\n\r\n", responses: 1)
        #expect(responses.map(\.status) == [200])
        // exchange waited a second for a close that did not come; the idle limit is two.
        #expect(await Self.closed(connection, notBefore: .milliseconds(500)))
    }

    @Test func aBodyArrivingSteadilyAboveTheMinimumRateIsRead() async throws {
        let server = try await RunningServer {
            $0.connectionLimits = ConnectionLimits(
                headTimeout: .seconds(1), idleTimeout: .seconds(30), minBodyBytesPerSecond: 20)
        }
        defer { Task { await server.stop() } }
        let connection = try RawHTTPConnection(port: server.port)
        await connection.write("POST /nowhere HTTP/1.1\r\nHost: tern\r\nContent-Length: 1000\r\n\r\n")
        // 1,000 bytes over 4 s: 250 bytes a second, well past the head limit but above the rate
        // (with room for a loaded machine that runs the writes late).
        for _ in 0..<10 {
            try await Task.sleep(for: .milliseconds(400))
            await connection.write(String(repeating: "x", count: 100))
        }
        let (responses, _) = await connection.exchange("", responses: 1)
        #expect(responses.map(\.status) == [404])
    }
}
