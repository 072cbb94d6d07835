import NIOCore
import NIOPosix
public import ServiceLifecycle
import Synchronization
public import TernStore

/// The LMTP listener (`tern serve --lmtp HOST:PORT`): what Postfix or Exim hand local mail to.
/// Each connection runs one `LMTPSession`; commands are read and answered in order, so a
/// client may pipeline them (RFC 2033 requires PIPELINING). Lines end with CRLF only: a bare
/// LF is content, so `<LF>.<LF>` cannot end a message early (RFC 5321 4.1.1.4). At most
/// `maxConnections` talk at once, and one silent for `idleTimeout` is closed. Graceful
/// shutdown stops accepting and lets open conversations finish.
public struct LMTPService: Service {
    let delivery: MailDelivery
    let host: String
    let port: Int
    let onListening: @Sendable (Int) async -> Void

    /// A listener on `host:port` (port 0 picks a free one, passed to `onListening`) delivering
    /// into `store`, refusing messages over `maxMessageBytes`.
    public init(
        store: any Store, host: String, port: Int, maxMessageBytes: Int = 64 << 20,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        delivery = MailDelivery(
            store: store, maxMessageBytes: maxMessageBytes, scheduling: MeetingScheduler(store: store))
        self.host = host
        self.port = port
        self.onListening = onListening
    }

    /// The longest command line read (RFC 5321 4.5.3.1.4 allows 512 octets) and the longest
    /// line of a message kept (its 998 is widely exceeded; past this the message is refused).
    static let maxCommandLineBytes = 2_048
    static let maxDataLineBytes = 1 << 20
    static let maxConnections = 64
    static let idleTimeout = TimeAmount.minutes(5)

    public func run() async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        IdleStateHandler(allTimeout: Self.idleTimeout), CloseWhenIdle(),
                    ])
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        await onListening(server.channel.localAddress?.port ?? port)
        let open = OpenConnections()
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        guard open.count.add(1, ordering: .relaxed).newValue <= Self.maxConnections else {
                            open.count.subtract(1, ordering: .relaxed)
                            group.addTask { await refuse(connection) }
                            continue
                        }
                        group.addTask {
                            try? await serve(connection)
                            open.count.subtract(1, ordering: .relaxed)
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
    }

    private func refuse(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        try? await connection.executeThenClose { _, outbound in
            try await outbound.write(ByteBuffer(string: "421 4.3.2 \(host) too many connections, try again later\r\n"))
        }
    }

    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async throws {
        var session = LMTPSession(delivery: delivery, hostName: host)
        try await connection.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: session.greeting + "\r\n"))
            var lines = CRLFLineReader()
            for try await chunk in inbound {
                lines.append(chunk.readableBytesView)
                var replies: [String] = []
                while !session.isClosed, let line = lines.nextLine() {
                    replies += await session.receive(line)
                }
                if lines.partialLineCount > (session.isReadingData ? Self.maxDataLineBytes : Self.maxCommandLineBytes) {
                    guard session.isReadingData else {
                        replies.append("500 5.5.2 line too long")
                        try await outbound.write(ByteBuffer(string: replies.map { $0 + "\r\n" }.joined()))
                        return
                    }
                    // The message is refused at its end, one reply per recipient; the line is dropped.
                    session.refuseMessage()
                    lines.dropPartialLine()
                }
                if !replies.isEmpty {
                    try await outbound.write(ByteBuffer(string: replies.map { $0 + "\r\n" }.joined()))
                }
                if session.isClosed { return }
            }
        }
    }
}

/// How many LMTP conversations are open now.
private final class OpenConnections: Sendable {
    let count = Atomic<Int>(0)
}
