import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Serves the HTTP/1.1 exchanges of one connection without a task per connection: each
/// request is answered in a task of its own, which ends with it, and a deferred answer (a
/// held Ping, see `ResponseDeferral`) waits with no task at all. A held request then costs
/// the connection's channel and what its answer needs, not a suspended call stack.
///
/// Requests are answered one at a time, in order; a pipelined request waits its turn.
/// A body over `maxBodyBytes` is read and dropped, and answered 413. `Expect: 100-continue`
/// is answered with 100 for a body within the limit.
final class HTTPExchangeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    /// Answers one request read from `channel`.
    typealias Respond = @Sendable (Request, _ channel: any Channel, ResponseDeferral) async -> Response

    /// A request as read so far; `body` is nil once it grew past the limit.
    private struct Incoming {
        let head: HTTPRequest
        var body: ByteBuffer?
    }

    private let respond: Respond
    private let maxBodyBytes: Int
    private let serverName: String
    private var reading: Incoming?
    private var waiting: [Incoming] = []
    private var isAnswering = false
    /// Ends the wait of a deferred answer, while one is deferred.
    private var endHold: (@Sendable () -> Void)?
    private var closesWhenAnswered = false

    init(maxBodyBytes: Int, serverName: String, respond: @escaping Respond) {
        self.maxBodyBytes = maxBodyBytes
        self.serverName = serverName
        self.respond = respond
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let declared = head.headerFields[.contentLength].flatMap { Int($0) } ?? 0
            reading = Incoming(head: head, body: declared > maxBodyBytes ? nil : context.channel.allocator.buffer(capacity: 0))
            // A client that asks may send its body at once (RFC 9110 10.1.1), unless an
            // earlier response is still owed: a 100 then would read as that one's.
            if declared <= maxBodyBytes, !isAnswering, waiting.isEmpty,
                head.headerFields[.expect]?.lowercased() == "100-continue"
            {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
            }
        case .body(var chunk):
            guard let bytes = reading?.body?.readableBytes else { return }
            if bytes + chunk.readableBytes > maxBodyBytes {
                reading?.body = nil
            } else {
                reading?.body?.writeBuffer(&chunk)
            }
        case .end:
            guard let request = reading else { return }
            reading = nil
            waiting.append(request)
            answerNext(context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            // A client that hangs up while its request is held is gone: end the hold.
            if let endHold {
                endHold()
                self.endHold = nil
                context.close(promise: nil)
                return
            }
            closesWhenAnswered = true
            if !isAnswering, waiting.isEmpty { context.close(promise: nil) }
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        endHold?()
        endHold = nil
        waiting = []
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPParserError, context.channel.isActive, !isAnswering {
            let head = HTTPResponse(status: .badRequest, headerFields: [.connection: "close", .contentLength: "0"])
            context.write(wrapOutboundOut(.head(stamped(head))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
        context.close(promise: nil)
    }

    /// Starts answering the oldest waiting request unless one is being answered.
    private func answerNext(context: ChannelHandlerContext) {
        guard !isAnswering, !waiting.isEmpty else { return }
        let incoming = waiting.removeFirst()
        isAnswering = true
        let closes = incoming.head.headerFields[.connection]?.lowercased() == "close"
        guard let body = incoming.body else {
            write(CollectedResponse(status: .contentTooLarge), closes: closes, context: context)
            return
        }
        let request = Request(head: incoming.head, body: RequestBody(buffer: body))
        let deferral = ResponseDeferral()
        let channel = context.channel
        let respond = self.respond
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        Task {
            let response = await respond(request, channel, deferral)
            if let start = deferral.take() {
                bound.execute { $0.handler.hold(start, closes: closes, context: $0.context) }
            } else {
                let collected = await CollectedResponse(response)
                bound.execute { $0.handler.write(collected, closes: closes, context: $0.context) }
            }
        }
    }

    /// Waits for a deferred answer with nothing but the closures the route left.
    private func hold(_ start: ResponseDeferral.Start, closes: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else {
            // Gone while it was worked on: start and end the wait, so nothing stays armed.
            let end = start { _ in }
            end()
            return
        }
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        endHold = start { response in
            let collected = await CollectedResponse(response)
            bound.execute { bound in
                bound.handler.endHold = nil
                bound.handler.write(collected, closes: closes, context: bound.context)
            }
        }
    }

    /// A final response's head with the Date and Server every response carries.
    private func stamped(_ head: HTTPResponse) -> HTTPResponse {
        var head = head
        head.headerFields[.date] = HTTPDate.now
        head.headerFields[.server] = serverName
        return head
    }

    private func write(_ response: CollectedResponse, closes: Bool, context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(stamped(response.head))), promise: nil)
        for buffer in response.body { context.write(wrapOutboundOut(.body(buffer)), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(response.trailers)), promise: nil)
        isAnswering = false
        if closes || (closesWhenAnswered && waiting.isEmpty) {
            context.close(promise: nil)
        } else {
            answerNext(context: context)
        }
    }
}

@available(*, unavailable)
extension HTTPExchangeHandler: Sendable {}

extension NIOLoopBound {
    /// Runs `body` with the value on its event loop.
    fileprivate func execute(_ body: @escaping @Sendable (Value) -> Void) {
        eventLoop.execute { body(self.value) }
    }
}
