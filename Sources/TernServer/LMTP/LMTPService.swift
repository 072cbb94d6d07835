import NIOCore
import NIOPosix
public import ServiceLifecycle
public import TernStore

/// The LMTP listener (`tern serve --lmtp HOST:PORT`): what Postfix or Exim hand local mail to.
/// Each connection runs one `LMTPSession`; commands are read and answered in order, so a
/// client may pipeline them (RFC 2033 requires PIPELINING). Graceful shutdown stops accepting
/// and lets open conversations finish.
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
        delivery = MailDelivery(store: store, maxMessageBytes: maxMessageBytes)
        self.host = host
        self.port = port
        self.onListening = onListening
    }

    /// The longest command line read (RFC 5321 4.5.3.1.4 allows 512 octets) and the longest
    /// line of a message (its 998 is widely exceeded; the message's size limit still counts).
    static let maxCommandLineBytes = 2_048
    static let maxDataLineBytes = 1 << 20

    public func run() async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        await onListening(server.channel.localAddress?.port ?? port)
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { try? await serve(connection) }
                    }
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
    }

    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async throws {
        var session = LMTPSession(delivery: delivery, hostName: host)
        try await connection.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: session.greeting + "\r\n"))
            var pending: [UInt8] = []
            for try await chunk in inbound {
                pending.append(contentsOf: chunk.readableBytesView)
                var replies: [String] = []
                var start = 0
                while !session.isClosed, let newline = pending[start...].firstIndex(of: 0x0A) {
                    let end = newline > start && pending[newline - 1] == 0x0D ? newline - 1 : newline
                    replies += await session.receive(pending[start..<end])
                    start = newline + 1
                }
                pending.removeFirst(start)
                let limit = session.isReadingData ? Self.maxDataLineBytes : Self.maxCommandLineBytes
                if pending.count > limit {
                    replies.append("500 5.5.2 line too long")
                    try await outbound.write(ByteBuffer(string: replies.map { $0 + "\r\n" }.joined()))
                    return
                }
                if !replies.isEmpty {
                    try await outbound.write(ByteBuffer(string: replies.map { $0 + "\r\n" }.joined()))
                }
                if session.isClosed { return }
            }
        }
    }
}
