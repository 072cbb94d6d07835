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

    init(limits: ConnectionLimits, now: NIODeadline) {
        self.limits = limits
        quietSince = now
    }

    /// Bytes arrived; unless a request is being read, they begin a head.
    mutating func bytesArrived(now: NIODeadline, readingRequest: Bool) {
        if !readingRequest, headBegan == nil { headBegan = now }
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

    /// When the connection is to be closed, and why; nil while `isBusy` (a request is being
    /// answered or held) with nothing being read.
    func next(isBusy: Bool) -> (deadline: NIODeadline, reason: ConnectionStatistics.Closing)? {
        if let bodyBegan {
            let allowance = Int64(bodyBytes) * 1_000_000_000 / Int64(max(limits.minBodyBytesPerSecond, 1))
            return (bodyBegan + TimeAmount(limits.headTimeout) + .nanoseconds(allowance), .slowBody)
        }
        if let headBegan { return (headBegan + TimeAmount(limits.headTimeout), .headTimeout) }
        if isBusy { return nil }
        return hasAnswered ? (quietSince + TimeAmount(limits.idleTimeout), .idle) : (quietSince + TimeAmount(limits.headTimeout), .headTimeout)
    }
}
