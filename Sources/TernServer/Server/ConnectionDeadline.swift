import NIOCore

/// Which of the `ConnectionLimits` applies to a connection now, and when it runs out: the
/// head's limit from a request's first byte, the body's from its head, the idle limit
/// between requests, none while a request is answered or held. A value the connection's
/// handler updates as bytes and requests come and go.
struct ConnectionDeadline {
    let limits: ConnectionLimits
    /// When the connection opened, or last became idle after answering.
    private var quietSince: NIODeadline
    private var hasAnswered = false
    private var headBegan: NIODeadline?
    private var bodyBegan: NIODeadline?
    private var bodyBytes = 0
    private var sendBegan: NIODeadline?
    private var sendBytes = 0

    init(limits: ConnectionLimits, now: NIODeadline) {
        self.limits = limits
        quietSince = now
    }

    /// Bytes arrived; unless a request is being read or answered, they begin a head. (While
    /// one is answered or held, stray bytes such as a CRLF after a body must not start a
    /// clock that ends the held request; a pipelined head is timed once it is answered.)
    mutating func bytesArrived(now: NIODeadline, readingRequest: Bool, isBusy: Bool) {
        if !readingRequest, !isBusy, headBegan == nil { headBegan = now }
    }

    mutating func headReceived(now: NIODeadline) {
        headBegan = nil
        bodyBegan = now
        bodyBytes = 0
    }

    mutating func bodyReceived(_ count: Int) { bodyBytes += count }

    mutating func requestEnded() { bodyBegan = nil }

    /// The last owed response was written and nothing waits: the idle limit runs from now.
    mutating func becameIdle(now: NIODeadline) {
        hasAnswered = true
        quietSince = now
    }

    /// A response of `bytes` was handed to the channel: the client must read it within the
    /// idle limit plus its size at the body rate, or it is a slow reader holding the connection.
    mutating func sending(_ bytes: Int, now: NIODeadline) {
        sendBegan = now
        sendBytes = bytes
    }

    /// The response has gone out.
    mutating func sent() { sendBegan = nil }

    /// When the connection is to be closed, and why; nil while `isBusy` (a request is being
    /// answered or held) with nothing being read.
    func next(isBusy: Bool) -> (deadline: NIODeadline, reason: ConnectionStatistics.Closing)? {
        if let bodyBegan { return (bodyBegan + TimeAmount(limits.headTimeout) + allowance(for: bodyBytes), .slowBody) }
        if let sendBegan {
            return (sendBegan + TimeAmount(limits.idleTimeout) + allowance(for: sendBytes), .slowReader)
        }
        if let headBegan { return (headBegan + TimeAmount(limits.headTimeout), .headTimeout) }
        if isBusy { return nil }
        return hasAnswered
            ? (quietSince + TimeAmount(limits.idleTimeout), .idle)
            : (quietSince + TimeAmount(limits.headTimeout), .headTimeout)
    }

    /// How long `bytes` may take at `minBodyBytesPerSecond`: whole seconds, then the rest, as
    /// bytes times 10^9 would overflow past 9 GB.
    private func allowance(for bytes: Int) -> TimeAmount {
        let rate = max(limits.minBodyBytesPerSecond, 1)
        return .seconds(Int64(min(bytes / rate, Int(Int32.max))))
            + .nanoseconds(Int64(bytes % rate) * 1_000_000_000 / Int64(rate))
    }
}
