import NIOCore

/// First in a connection's pipeline: tells the handlers behind the HTTP decoder that bytes
/// arrived, before the decoder has a whole head to give them, so that a request head's time
/// limit runs from its first byte (`HTTPExchangeHandler`, `ConnectionLimits.headTimeout`).
final class RequestBytesSignal: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The user inbound event sent before each read is passed on.
    struct BytesArrived: Sendable {}

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireUserInboundEventTriggered(BytesArrived())
        context.fireChannelRead(data)
    }
}

@available(*, unavailable)
extension RequestBytesSignal: Sendable {}
