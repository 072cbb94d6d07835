import ActiveSync
import Foundation
import TernServer
import Testing
import WBXML

/// HTTP/1.1 as the server's own connection handler speaks it, over raw sockets.
@Suite struct HTTPExchangeTests {
    private static let options = "OPTIONS /Microsoft-Server-ActiveSync HTTP/1.1\r\nHost: tern\r\n\r\n"

    @Test func pipelinedRequestsAreAnsweredInOrderWithDateAndServer() async throws {
        try await RunningServer.with { server in
            let connection = try RawHTTPConnection(port: server.port)
            let missing = "GET /nowhere HTTP/1.1\r\nHost: tern\r\n\r\n"
            let (responses, closed) = await connection.exchange(Self.options + missing + Self.options, responses: 3)
            #expect(responses.map(\.status) == [200, 404, 200])
            #expect(responses[0].headers["ms-asprotocolversions"]?.contains("16.1") == true)
            #expect(responses.allSatisfy { $0.headers["server"] == "Tern" && $0.headers["date"]?.hasSuffix(" GMT") == true })
            #expect(!closed)
        }
    }

    @Test func aBodyOverTheLimitIsAnswered413AndTheConnectionGoesOn() async throws {
        let server = try await RunningServer { $0.maxRequestBytes = 1024 }
        let connection = try RawHTTPConnection(port: server.port)
        let body = String(repeating: "x", count: 3000)
        let large = "POST /Microsoft-Server-ActiveSync?Cmd=Sync HTTP/1.1\r\nHost: tern\r\nContent-Length: 3000\r\n\r\n\(body)"
        let chunked = "POST /Microsoft-Server-ActiveSync?Cmd=Sync HTTP/1.1\r\nHost: tern\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "bb8\r\n\(body)\r\n0\r\n\r\n"
        let (responses, closed) = await connection.exchange(large + chunked + Self.options, responses: 3)
        await server.stop()
        #expect(responses.map(\.status) == [413, 413, 200])
        #expect(!closed)
    }

    /// Clients that send `Expect: 100-continue` (.NET's HttpClient does for every POST) get
    /// their 100 at once instead of waiting out their own timeout; a body over the limit
    /// gets no 100 and, once it comes anyway, a 413.
    @Test func expectContinueIsAnsweredWith100WithinTheLimit() async throws {
        let server = try await RunningServer { $0.maxRequestBytes = 1024 }
        let connection = try RawHTTPConnection(port: server.port)
        let small = "POST /Microsoft-Server-ActiveSync HTTP/1.1\r\nHost: tern\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"
        let (first, _) = await connection.exchange(small, responses: 1)
        let (second, _) = await connection.exchange("abcd", responses: 1)
        let large = "POST /Microsoft-Server-ActiveSync HTTP/1.1\r\nHost: tern\r\nExpect: 100-continue\r\nContent-Length: 2000\r\n\r\n"
        let (third, _) = await connection.exchange(large + String(repeating: "y", count: 2000), responses: 1)
        await server.stop()
        #expect(first.map(\.status) == [100])
        #expect(second.map(\.status) == [400])
        #expect(third.map(\.status) == [413])
    }

    @Test func aMalformedRequestIsAnswered400AndClosed() async throws {
        try await RunningServer.with { server in
            let connection = try RawHTTPConnection(port: server.port)
            let (responses, closed) = await connection.exchange("GARBAGE\u{1}\r\n\r\n", responses: 1)
            #expect(responses.map(\.status) == [400])
            #expect(closed)
        }
    }

    @Test func connectionCloseEndsTheConnectionAfterTheResponse() async throws {
        try await RunningServer.with { server in
            let connection = try RawHTTPConnection(port: server.port)
            let request = "OPTIONS /Microsoft-Server-ActiveSync HTTP/1.1\r\nHost: tern\r\nConnection: close\r\n\r\n"
            let (responses, closed) = await connection.exchange(request, responses: 1)
            #expect(responses.map(\.status) == [200])
            #expect(closed)
        }
    }

    /// A phone that loses its network while a Ping is held frees its place at once: with
    /// one held request allowed per user, another device's Ping is held right after
    /// (Status 2 on a delivery), not refused with Status 8 until the first heartbeat ends.
    @Test func aHeldPingWhoseClientHangsUpIsReleased() async throws {
        let fixture = try await PushFixture.start { $0.maxHeldPerUser = 1 }
        let tablet = try await fixture.server.session(deviceID: "tablet")
        try await fixture.prime(fixture.inbox, on: tablet)
        let device = fixture.device
        let body = try WBXMLEncoder().encode(PushFixture.ping(heartbeat: 600, folders: [fixture.inbox]))
        let url = "http://127.0.0.1:\(fixture.server.port)/Microsoft-Server-ActiveSync?Cmd=Ping&User=anna&DeviceId=\(device.deviceID)&DeviceType=iPhone"
        let abandoned = try await fixture.server.curl(
            ["-m", "2", "-X", "POST", "-u", "anna:secret", "-H", "MS-ASProtocolVersion: \(device.version)",
             "-H", "X-MS-PolicyKey: \(device.policyKey)", "-H", "Content-Type: application/vnd.ms-sync.wbxml"],
            url: url, payload: body)
        #expect(abandoned.status == 0)
        try await PushFixture.settle()

        async let held = fixture.ping(PushFixture.ping(heartbeat: 600, folders: [fixture.inbox]), on: tablet)
        try await PushFixture.settle()
        try await fixture.deliver()
        let answer = try await held
        await fixture.server.stop()
        #expect(answer.reply.ping?.status == .changesOccurred)
    }
}
