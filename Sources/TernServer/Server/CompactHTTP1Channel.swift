import HummingbirdCore
import Logging
import NIOCore

/// HTTP/1.1 as Hummingbird serves it, except that a connection starts reading into 512-byte
/// buffers, growing them as reads fill them, instead of NIO's 2 KB. A held Ping keeps the
/// buffer its request was read into for as long as it is held, and a Ping fits in 512 bytes.
struct CompactHTTP1Channel: ServerChildChannel {
    let base: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        let reads = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 512, maximum: 65_536)
        return channel.setOption(ChannelOptions.recvAllocator, value: reads).flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// `.http1()` with compact reads (see `CompactHTTP1Channel`).
    static var compactHTTP1: HTTPServerBuilder {
        HTTPServerBuilder { responder in CompactHTTP1Channel(base: HTTP1Channel(responder: responder)) }
    }
}
