import Foundation
import GRDB
import Logging
import MIME
import ServiceLifecycle
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// The LMTP listener over a real socket, driven by Python's `smtplib.LMTP` and by a raw
/// socket that pipelines a whole conversation, as RFC 2033 allows.
@Suite struct LMTPTests {
    /// An LMTP listener on a free port beside the test server's store; `body` gets its port.
    static func withListener(
        maxMessageBytes: Int = 64 << 20, _ body: (RunningServer, Int) async throws -> Void
    ) async throws {
        let server = try await RunningServer()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let service = LMTPService(
            store: server.store, host: "127.0.0.1", port: 0, maxMessageBytes: maxMessageBytes
        ) { continuation.yield($0) }
        let group = ServiceGroup(configuration: .init(services: [service], logger: Logger(label: "lmtp-test")))
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        do {
            try await body(server, port)
        } catch {
            await group.triggerGracefulShutdown()
            await server.stop()
            throw error
        }
        await group.triggerGracefulShutdown()
        _ = await running.result
        await server.stop()
    }

    /// Runs a Python script with the port as its argument and `input` on its standard input,
    /// and returns what it printed.
    static func python(_ script: String, port: Int, input: [UInt8] = []) async throws -> String {
        let python = try #require(ChildProcess.onPath("python3"), "python3 is installed by .ci/run")
        let result = try await ChildProcess(python, ["-c", script, String(port)]).runDetached(standardInput: input)
        return String(decoding: result.standardOutput, as: UTF8.self)
    }

    static func inboxCount(_ server: RunningServer) async throws -> Int {
        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
        return try await server.store.itemCount(in: inbox.id)
    }

    @Test func smtplibsLMTPGets250ForAKnownRecipientAnd550ForAnUnknownOne() async throws {
        try await Self.withListener { server, port in
            let output = try await Self.python(
                """
                import smtplib, sys
                lmtp = smtplib.LMTP("127.0.0.1", int(sys.argv[1]))
                print("lhlo", lmtp.ehlo()[0], "pipelining" in lmtp.esmtp_features)
                print("mail", lmtp.mail("carla@outside.example")[0])
                print("rcpt", lmtp.rcpt("anna@tern.example")[0])
                print("rcpt", lmtp.rcpt("nobody@tern.example")[0])
                print("data", lmtp.data(b"From: carla@outside.example\\r\\nSubject: Via LMTP\\r\\n\\r\\nHello.\\r\\n")[0])
                print("quit", lmtp.quit()[0])
                """, port: port)
            #expect(output == "lhlo 250 True\nmail 250\nrcpt 250\nrcpt 550\ndata 250\nquit 221\n")
            let received = try #require(try await SendMailTests.messages(server, of: server.user, in: .inbox).first)
            #expect(received.headers.fields.first?.name == "Return-Path")
            #expect(received.headers["Return-Path"] == "<carla@outside.example>")
            #expect(received.headers["Received"]?.hasPrefix("from ") == true)
        }
    }

    /// Sends `conversation` in one write, as a pipelining MTA may, and returns the reply codes
    /// (the last line of each multi-line reply), space-separated.
    static func pipelined(_ conversation: String, port: Int) async throws -> String {
        try await python(
            """
            import socket, sys
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            s.sendall(sys.stdin.buffer.read())
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            print(" ".join(line[:3].decode() for line in data.split(b"\\r\\n") if line and line[3:4] != b"-"))
            """, port: port, input: Array(conversation.utf8))
    }

    /// One write holds the whole conversation; each of two recipients gets its own reply after DATA.
    @Test func aPipelinedConversationGetsEveryReplyInOrder() async throws {
        try await Self.withListener { server, port in
            _ = try await server.createOtherUser()
            let output = try await Self.pipelined(
                "LHLO mta.example\r\nMAIL FROM:<carla@outside.example>\r\nRCPT TO:<anna@tern.example>\r\n"
                    + "RCPT TO:<bruno@tern.example>\r\nDATA\r\nSubject: Both\r\n\r\n..a line that began with a dot\r\n"
                    + ".\r\nQUIT\r\n", port: port)
            #expect(output == "220 250 250 250 250 354 250 250 221\n")
            let received = try await SendMailTests.messages(server, of: server.user, in: .inbox)
            #expect(received.first?.plainTextBody == ".a line that began with a dot\r\n", "the doubled dot undone")
        }
    }

    /// `<LF>.<LF>` is content, not the end of the message (RFC 5321 4.1.1.4): what follows it
    /// cannot smuggle a second message with another sender.
    @Test func aBareLineFeedDotCannotEndTheMessage() async throws {
        try await Self.withListener { server, port in
            let output = try await Self.pipelined(
                "LHLO mta.example\r\nMAIL FROM:<carla@outside.example>\r\nRCPT TO:<anna@tern.example>\r\nDATA\r\n"
                    + "Subject: One\r\n\r\nbody\n.\nMAIL FROM:<ceo@bank.example>\r\nRCPT TO:<anna@tern.example>\r\n"
                    + "DATA\r\nSubject: Forged\r\n\r\nx\r\n.\r\nQUIT\r\n", port: port)
            #expect(output == "220 250 250 250 354 250 221\n")
            let received = try await SendMailTests.messages(server, of: server.user, in: .inbox)
            #expect(received.map(\.subject) == ["One"])
        }
    }

    @Test func aMessageOverTheSizeLimitIs552WhetherAnnouncedOrNot() async throws {
        try await Self.withListener(maxMessageBytes: 1_000) { server, port in
            let output = try await Self.python(
                """
                import smtplib, sys
                lmtp = smtplib.LMTP("127.0.0.1", int(sys.argv[1]))
                lmtp.ehlo()
                print("announced", lmtp.mail("carla@outside.example", ["SIZE=5000"])[0])
                print("mail", lmtp.mail("carla@outside.example")[0])
                print("rcpt", lmtp.rcpt("anna@tern.example")[0])
                print("data", lmtp.data(b"Subject: Big\\r\\n\\r\\n" + b"x" * 2000 + b"\\r\\n")[0])
                """, port: port)
            #expect(output == "announced 552\nmail 250\nrcpt 250\ndata 552\n")
            #expect(try await Self.inboxCount(server) == 0)
        }
    }

    /// A store that cannot write (here: a trigger that fails every insert of an item, as a
    /// full or failing disk would) gets 452 per recipient, so the MTA keeps the message and
    /// tries again; once it can write, the same message is delivered once.
    @Test func aStoreThatCannotWriteIs452AndTheRetryDelivers() async throws {
        try await Self.withListener { server, port in
            let database = try DatabaseQueue(path: SQLiteStore.databasePath(inDataDirectory: server.directory.path))
            try await database.write { db in
                try db.execute(
                    sql: "CREATE TRIGGER refuse BEFORE INSERT ON items BEGIN SELECT RAISE(ABORT, 'disk full'); END")
            }
            let conversation =
                "LHLO mta.example\r\nMAIL FROM:<carla@outside.example>\r\nRCPT TO:<anna@tern.example>\r\nDATA\r\n"
                + "Subject: Later\r\n\r\nx\r\n.\r\nQUIT\r\n"
            #expect(try await Self.pipelined(conversation, port: port) == "220 250 250 250 354 452 221\n")
            #expect(try await Self.inboxCount(server) == 0)
            try await database.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
            #expect(try await Self.pipelined(conversation, port: port) == "220 250 250 250 354 250 221\n")
            #expect(try await Self.inboxCount(server) == 1)
        }
    }
}
