import ActiveSync
import Foundation
import TernServer
import TernTesting
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
            #expect(
                responses.allSatisfy { $0.headers["server"] == "Tern" && $0.headers["date"]?.hasSuffix(" GMT") == true }
            )
            #expect(!closed)
        }
    }

    @Test func aBodyOverTheLimitIsAnswered413AndTheConnectionGoesOn() async throws {
        let server = try await RunningServer { $0.maxRequestBytes = 1024 }
        let connection = try RawHTTPConnection(port: server.port)
        let body = String(repeating: "x", count: 3000)
        let large =
            "POST /Microsoft-Server-ActiveSync?Cmd=Sync HTTP/1.1\r\nHost: tern\r\nContent-Length: 3000\r\n\r\n\(body)"
        let chunked =
            "POST /Microsoft-Server-ActiveSync?Cmd=Sync HTTP/1.1\r\nHost: tern\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "bb8\r\n\(body)\r\n0\r\n\r\n"
        let (responses, closed) = await connection.exchange(large + chunked + Self.options, responses: 3)
        await server.stop()
        #expect(responses.map(\.status) == [413, 413, 200])
        #expect(!closed)
    }

    /// Clients that send `Expect: 100-continue` (.NET's HttpClient does for every POST) get
    /// their 100 at once instead of waiting out their own timeout; a body over the limit
    /// is refused with 413 before it is sent, and the connection closed.
    @Test func expectContinueIsAnsweredWith100WithinTheLimitAnd413Beyond() async throws {
        let server = try await RunningServer { $0.maxRequestBytes = 1024 }
        let connection = try RawHTTPConnection(port: server.port)
        let small =
            "POST /Microsoft-Server-ActiveSync HTTP/1.1\r\nHost: tern\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"
        let (first, _) = await connection.exchange(small, responses: 1)
        let (second, _) = await connection.exchange("abcd", responses: 1)
        let large =
            "POST /Microsoft-Server-ActiveSync HTTP/1.1\r\nHost: tern\r\nExpect: 100-continue\r\nContent-Length: 2000\r\n\r\n"
        let (third, closed) = try await RawHTTPConnection(port: server.port).exchange(large, responses: 1)
        await server.stop()
        #expect(first.map(\.status) == [100])
        #expect(second.map(\.status) == [400])
        #expect(third.map(\.status) == [413])
        #expect(closed)
    }

    /// Bodies are read whole before routing, so all connections together may hold only four
    /// times `maxRequestBytes`: the connection that would pass that gets 503 and is closed,
    /// and the others go on.
    @Test func bodiesBeyondTheSharedBudgetAreRefusedWith503() async throws {
        let server = try await RunningServer { $0.maxRequestBytes = 1024 }
        let head = "POST /Microsoft-Server-ActiveSync HTTP/1.1\r\nHost: tern\r\nContent-Length: 1024\r\n\r\n"
        let partial = head + String(repeating: "z", count: 1000)
        var connections: [RawHTTPConnection] = []
        for _ in 0..<4 {
            let connection = try RawHTTPConnection(port: server.port)
            await connection.write(partial)
            connections.append(connection)
        }
        #expect(await eventually { server.bufferedRequestBytes == 4 * 1000 })
        let (refused, closed) = try await RawHTTPConnection(port: server.port).exchange(partial, responses: 1)
        let (finished, _) = await connections[0].exchange(String(repeating: "z", count: 24), responses: 1)
        await server.stop()
        #expect(refused.map(\.status) == [503])
        #expect(closed)
        #expect(finished.map(\.status) == [400])
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

    /// How a phone's connection goes away: its client gives up (curl's timeout, a FIN), or
    /// the network drops it (a TCP reset).
    enum HangUp: CaseIterable, Sendable { case finish, reset }

    /// A phone that loses its network while a Ping is held frees its place at once: with
    /// one held request allowed per user, another device's Ping is held right after
    /// (Status 2 on a delivery), not refused with Status 8 until the first heartbeat ends.
    @Test(arguments: HangUp.allCases)
    func aHeldPingWhoseClientHangsUpIsReleased(_ hangUp: HangUp) async throws {
        let fixture = try await PushFixture.start { $0.maxHeldPerUser = 1 }
        let tablet = try await fixture.server.session(deviceID: "tablet")
        try await fixture.prime(fixture.inbox, on: tablet)
        let device = fixture.device
        let body = try WBXMLEncoder().encode(PushFixture.ping(heartbeat: 600, folders: [fixture.inbox]))
        let target = "/Microsoft-Server-ActiveSync?Cmd=Ping&User=anna&DeviceId=\(device.deviceID)&DeviceType=iPhone"
        switch hangUp {
        case .finish:
            let abandoned = try await fixture.server.curl(
                [
                    "-m", "2", "-X", "POST", "-u", "anna:secret", "-H", "MS-ASProtocolVersion: \(device.version)",
                    "-H", "X-MS-PolicyKey: \(device.policyKey)", "-H", "Content-Type: application/vnd.ms-sync.wbxml",
                ],
                url: "http://127.0.0.1:\(fixture.server.port)\(target)", payload: body)
            #expect(abandoned.status == 0)
        case .reset:
            let connection = try RawHTTPConnection(port: fixture.server.port)
            let head =
                "POST \(target) HTTP/1.1\r\nHost: tern\r\nAuthorization: Basic \(Data("anna:secret".utf8).base64EncodedString())\r\n"
                + "MS-ASProtocolVersion: \(device.version)\r\nX-MS-PolicyKey: \(device.policyKey)\r\n"
                + "Content-Type: application/vnd.ms-sync.wbxml\r\nContent-Length: \(body.count)\r\n\r\n"
            let (answers, _) = await connection.exchange(Array(head.utf8) + body, responses: 0)
            #expect(answers.isEmpty)
            await fixture.waitUntilHeld()
            connection.reset()
        }
        await fixture.waitUntilHeld(0)

        async let held = fixture.ping(PushFixture.ping(heartbeat: 600, folders: [fixture.inbox]), on: tablet)
        await fixture.waitUntilHeld()
        try await fixture.deliver()
        let answer = try await held
        await fixture.server.stop()
        #expect(answer.reply.ping?.status == .changesOccurred)
    }
}
