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
/// Requests are answered one at a time, in order; a pipelined request waits its turn (at
/// most `maxWaiting` of them). A body over `maxBodyBytes` is read and dropped, and answered
/// 413; `Expect: 100-continue` gets 100 within the limit and 413 at once beyond it. Bodies
/// are held against a shared `RequestBodyBudget`. A client that closes the connection, or
/// half-closes it, while its request is held gives the wait up. A connection that is slow to
/// send a head or a body, or idle between requests, is closed at its `ConnectionLimits`.
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

    static let maxWaiting = 16

    private let respond: Respond
    private let maxBodyBytes: Int
    private let serverName: String
    private let budget: RequestBodyBudget
    private var reading: Incoming?
    private var waiting: [Incoming] = []
    private var isAnswering = false
    /// Gives up the wait of a deferred answer, while one is deferred.
    private var endHold: (@Sendable () -> Void)?
    private var closesWhenAnswered = false
    /// Bytes of request bodies this connection holds against the budget.
    private var reserved = 0
    private var isRemoved = false
    private let statistics: ConnectionStatistics
    private var deadline: ConnectionDeadline
    private var timer: Scheduled<Void>?
    private var timerFiresAt: NIODeadline?

    init(
        maxBodyBytes: Int, serverName: String, budget: RequestBodyBudget, limits: ConnectionLimits,
        statistics: ConnectionStatistics, respond: @escaping Respond
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.serverName = serverName
        self.budget = budget
        self.statistics = statistics
        self.deadline = ConnectionDeadline(limits: limits, now: .now())
        self.respond = respond
    }

    func handlerAdded(context: ChannelHandlerContext) {
        statistics.opened()
        rearm(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        defer { rearm(context: context) }
        switch unwrapInboundIn(data) {
        case .head(let head):
            deadline.headReceived(now: .now())
            let declared = head.headerFields[.contentLength].flatMap { Int($0) } ?? 0
            let isIdle = !isAnswering && waiting.isEmpty
            let expectsContinue = head.headerFields[.expect]?.lowercased() == "100-continue"
            // A client that asks waits before it sends its body (RFC 9110 10.1.1): a 100
            // lets it go on, a final status spares it the upload. Neither can be sent while
            // an earlier response is still owed, since it would read as that one's.
            if expectsContinue, isIdle, declared > maxBodyBytes {
                return refuse(.contentTooLarge, context: context)
            }
            if expectsContinue, isIdle {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
            }
            reading = Incoming(
                head: head, body: declared > maxBodyBytes ? nil : context.channel.allocator.buffer(capacity: 0))
        case .body(var chunk):
            deadline.bodyReceived(chunk.readableBytes)
            guard let bytes = reading?.body?.readableBytes else { return }
            if bytes + chunk.readableBytes > maxBodyBytes {
                reading?.body = nil
                give(bytes)
            } else if take(chunk.readableBytes) {
                reading?.body?.writeBuffer(&chunk)
            } else {
                refuse(.serviceUnavailable, context: context)
            }
        case .end:
            deadline.requestEnded()
            guard let request = reading else { return }
            reading = nil
            guard waiting.count < Self.maxWaiting else { return refuse(.serviceUnavailable, context: context) }
            waiting.append(request)
            answerNext(context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is RequestBytesSignal.BytesArrived {
            deadline.bytesArrived(now: .now(), readingRequest: reading != nil, isBusy: isAnswering)
            return rearm(context: context)
        }
        guard case ChannelEvent.inputClosed = event else { return context.fireUserInboundEventTriggered(event) }
        // A client that hangs up while its request is held is gone: give the wait up.
        if let endHold {
            endHold()
            self.endHold = nil
            return context.close(promise: nil)
        }
        closesWhenAnswered = true
        if !isAnswering, waiting.isEmpty { context.close(promise: nil) }
    }

    /// The connection closed (NIO removes the handlers then; Hummingbird's state handler
    /// does not pass channelInactive on).
    func handlerRemoved(context: ChannelHandlerContext) {
        isRemoved = true
        timer?.cancel()
        timer = nil
        statistics.ended()
        endHold?()
        endHold = nil
        reading = nil
        waiting = []
        budget.release(reserved)
        reserved = 0
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError else { return context.close(promise: nil) }
        refuse(.badRequest, context: context)
    }

    /// Answers with `status` and closes: at once when no response is owed, else just closes.
    private func refuse(_ status: HTTPResponse.Status, context: ChannelHandlerContext) {
        if context.channel.isActive, !isAnswering {
            let head = HTTPResponse(status: status, headerFields: [.connection: "close", .contentLength: "0"])
            context.write(wrapOutboundOut(.head(stamped(head))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
        reading = nil
        waiting = []
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
        let (channel, respond, size) = (context.channel, self.respond, body.readableBytes)
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        Task {
            let response = await respond(request, channel, deferral)
            if let wait = deferral.take() {
                bound.execute { bound in
                    bound.handler.give(size)
                    bound.handler.hold(wait, closes: closes, context: bound.context)
                }
            } else {
                let collected = await CollectedResponse(response)
                bound.execute { bound in
                    bound.handler.give(size)
                    bound.handler.write(collected, closes: closes, context: bound.context)
                }
            }
        }
    }

    /// Waits for a deferred answer with nothing but the closures the route left.
    private func hold(_ wait: ResponseDeferral.Wait, closes: Bool, context: ChannelHandlerContext) {
        guard !isRemoved, context.channel.isActive, !closesWhenAnswered else {
            // Gone while it was worked on: nothing may stay armed for it.
            wait.end()
            if !isRemoved { context.close(promise: nil) }
            return
        }
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        endHold = wait.end
        wait.start { response in
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
        guard !isRemoved else { return }
        context.write(wrapOutboundOut(.head(stamped(response.head))), promise: nil)
        for buffer in response.body { context.write(wrapOutboundOut(.body(buffer)), promise: nil) }
        // The idle limit runs from when the response has gone out, not from when it was
        // handed over: a large response to a slow client is still this connection's work.
        let sent = context.eventLoop.makePromise(of: Void.self)
        deadline.sending(response.body.reduce(0) { $0 + $1.readableBytes }, now: .now())
        sent.futureResult.assumeIsolated().whenComplete { [self] _ in
            deadline.sent()
            if !isAnswering { deadline.becameIdle(now: .now()) }
            rearm(context: context)
        }
        // Before the write: its promise may complete at once, and must see the answer done.
        isAnswering = false
        context.writeAndFlush(wrapOutboundOut(.end(response.trailers)), promise: sent)
        if closes || (closesWhenAnswered && waiting.isEmpty) {
            context.close(promise: nil)
        } else {
            answerNext(context: context)
        }
    }

    // MARK: Connection limits

    /// Keeps one timer for the nearest limit: moved earlier when the limit comes nearer,
    /// left in place (and checked again when it fires) when it moves later, as it does with
    /// every body chunk; none while a request is answered or held.
    private func rearm(context: ChannelHandlerContext) {
        guard !isRemoved, let next = deadline.next(isBusy: isAnswering) else {
            timer?.cancel()
            (timer, timerFiresAt) = (nil, nil)
            return
        }
        if let timerFiresAt, timerFiresAt <= next.deadline { return }
        timer?.cancel()
        timerFiresAt = next.deadline
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: next.deadline) { [self] in
            (timer, timerFiresAt) = (nil, nil)
            guard !isRemoved, let due = deadline.next(isBusy: isAnswering) else { return }
            guard due.deadline <= .now() else { return rearm(context: context) }
            statistics.closed(due.reason)
            reading = nil
            context.close(promise: nil)
        }
    }

    /// Takes body bytes from the shared budget.
    private func take(_ bytes: Int) -> Bool {
        guard budget.reserve(bytes) else { return false }
        reserved += bytes
        return true
    }

    /// Gives body bytes back once the request no longer needs them.
    private func give(_ bytes: Int) {
        guard !isRemoved else { return }
        budget.release(bytes)
        reserved -= bytes
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
