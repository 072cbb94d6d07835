/// When Tern blocks a device by itself, and for how long; `tern device allow` lifts it early.
public struct AutoblockLimits: Hashable, Sendable {
    /// User-Agent changes allowed within `userAgentPeriod` (MS-ASHTTP 3.2.5.1.1: two a day,
    /// then a block of 14 hours).
    public var maxUserAgentChanges: Int
    public var userAgentPeriod: Duration
    public var userAgentBlock: Duration
    /// Pings and Syncs that brought nothing allowed within a minute (see `QuietRequestRate`):
    /// a device sending more is looping. 0 turns the check off.
    public var maxQuietRequestsPerMinute: Int
    public var requestRateBlock: Duration

    public init(
        maxUserAgentChanges: Int = 2, userAgentPeriod: Duration = .seconds(86_400),
        userAgentBlock: Duration = .seconds(14 * 3600),
        maxQuietRequestsPerMinute: Int = 60, requestRateBlock: Duration = .seconds(900)
    ) {
        self.maxUserAgentChanges = maxUserAgentChanges
        self.userAgentPeriod = userAgentPeriod
        self.userAgentBlock = userAgentBlock
        self.maxQuietRequestsPerMinute = maxQuietRequestsPerMinute
        self.requestRateBlock = requestRateBlock
    }
}
