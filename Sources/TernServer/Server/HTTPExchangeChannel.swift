import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1
import NIOSSL

/// HTTP/1.1 connections served by `HTTPExchangeHandler` in place of Hummingbird's
/// `HTTP1Channel`, whose task per connection keeps a held Ping's whole call stack (about
/// 10 KB) for as long as it is held. The pipeline is Hummingbird's otherwise: NIO's HTTP/1
/// codec, the HTTP types codec and `HTTPConnectionStateHandler` (graceful shutdown closes
/// idle connections and lets busy ones finish). Reads start at 512 bytes, growing as they
/// fill: the buffer a request was read into stays referenced while it is held.
struct HTTPExchangeChannel: ServerChildChannel {
    struct Connection: ServerChildChannelValue {
        let channel: any Channel
    }

    let maxBodyBytes: Int
    /// The `Server` header of every response.
    let serverName: String
    /// Shared by every connection of the server.
    let budget: RequestBodyBudget
    let limits: ConnectionLimits
    /// Shared by every connection of the server.
    let statistics: ConnectionStatistics
    /// With certificates, every connection speaks TLS first, with the context current when it opened.
    let tls: TLSCertificates?
    let respond: HTTPExchangeHandler.Respond

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Connection> {
        let reads = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 512, maximum: 65_536)
        return channel.setOption(ChannelOptions.recvAllocator, value: reads).flatMapThrowing {
            let pipeline = channel.pipeline.syncOperations
            if let tls { try pipeline.addHandler(NIOSSLServerHandler(context: tls.context)) }
            try pipeline.addHandler(RequestBytesSignal())
            try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: false, withErrorHandling: false)
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: tls != nil))
            try pipeline.addHandler(HTTPConnectionStateHandler(logger: logger))
            try pipeline.addHandler(
                HTTPExchangeHandler(
                    maxBodyBytes: maxBodyBytes, serverName: serverName, budget: budget, limits: limits,
                    statistics: statistics,
                    respond: respond))
            return Connection(channel: channel)
        }
    }

    /// Nothing to do: the connection's handlers answer its requests as they arrive, and
    /// `HTTPService` waits for open connections at shutdown.
    func handle(value: Connection, logger: Logger) async {}
}
