import NIOCore
import NIOSSL
import NIOTLS

/// Bytes read from the relay, and whether they came through TLS.
struct SMTPChunk: Sendable {
    var bytes: ByteBuffer
    var isEncrypted: Bool
}

/// Switches an SMTP connection to TLS at the exact byte the relay's 220 to STARTTLS ends
/// (RFC 3207), on the event loop, before anything after it is read, and tags every chunk
/// with whether it came through TLS. Plaintext behind the 220 in the same read closes the
/// connection, and the dialogue refuses any plaintext chunk once it has switched, so a man
/// in the middle cannot inject replies around the switch (CVE-2011-0411). Armed by `arm`
/// before STARTTLS is sent; the future it returns completes with the handshake.
final class StartTLSSwitch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = SMTPChunk

    private var armed: (context: NIOSSLContext, serverHostname: String?)?
    private var isEncrypted = false
    private var handshake: EventLoopPromise<Void>?
    /// The reply read so far while armed, and where its last line begins.
    private var reply: [UInt8] = []
    private var lineStart = 0

    /// Watches the next reply; a 220 switches to TLS with `context`. Call on the event loop.
    func arm(context: NIOSSLContext, serverHostname: String?, on eventLoop: any EventLoop) -> EventLoopFuture<Void> {
        armed = (context, serverHostname)
        reply = []
        lineStart = 0
        let promise = eventLoop.makePromise(of: Void.self)
        handshake = promise
        return promise.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        guard let armed else {
            context.fireChannelRead(wrapInboundOut(SMTPChunk(bytes: buffer, isEncrypted: isEncrypted)))
            return
        }
        while let byte = buffer.readInteger(as: UInt8.self) {
            reply.append(byte)
            guard byte == 10 else { continue }
            guard reply.count - lineStart < 4 || reply[lineStart + 3] != UInt8(ascii: "-") else {
                lineStart = reply.count
                continue
            }
            // The reply's last line: hand the reply up, then switch or stand down.
            self.armed = nil
            let isReady = reply[lineStart...].starts(with: Array("220".utf8))
            context.fireChannelRead(wrapInboundOut(SMTPChunk(bytes: ByteBuffer(bytes: reply), isEncrypted: false)))
            // Delivered now: once the TLS handler is in front, this read's completion may not pass it.
            context.fireChannelReadComplete()
            reply = []
            guard isReady else {
                handshake?.fail(RelayError.refused("the relay would not start TLS"))
                handshake = nil
                if buffer.readableBytes > 0 {
                    context.fireChannelRead(wrapInboundOut(SMTPChunk(bytes: buffer, isEncrypted: false)))
                }
                return
            }
            guard buffer.readableBytes == 0 else {
                fail(context, RelayError.protocolViolation("plaintext after the STARTTLS reply"))
                return
            }
            do {
                let tls = try NIOSSLClientHandler(context: armed.context, serverHostname: armed.serverHostname)
                try context.pipeline.syncOperations.addHandler(tls, position: .first)
                isEncrypted = true
            } catch {
                fail(context, error)
            }
            return
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tlsEvent = event as? TLSUserEvent, case .handshakeCompleted = tlsEvent {
            handshake?.succeed()
            handshake = nil
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        handshake?.fail(error)
        handshake = nil
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        handshake?.fail(RelayError.unreachable("the relay closed the connection during STARTTLS"))
        handshake = nil
        context.fireChannelInactive()
    }

    private func fail(_ context: ChannelHandlerContext, _ error: any Error) {
        handshake?.fail(error)
        handshake = nil
        context.close(promise: nil)
    }
}
