public import Foundation

/// A block Tern put on a device itself, for behaving like a broken or hostile client; it
/// ends by itself at `until`, or when an admin allows the device.
public struct Autoblock: Hashable, Sendable, Codable {
    public enum Reason: String, Hashable, Sendable, Codable {
        /// Its User-Agent changed more often than MS-ASHTTP 3.2.5.1.1 allows.
        case userAgentChanges
        /// It sent Pings or Syncs with nothing to sync faster than the configured rate.
        case requestRate
    }

    public var reason: Reason
    public var at: Date
    public var until: Date

    public init(reason: Reason, at: Date, until: Date) {
        self.reason = reason
        self.at = at
        self.until = until
    }

    /// Whether the block still holds at `date`.
    public func isActive(at date: Date) -> Bool { date < until }
}

/// The User-Agent header a device last sent, and when it changed (MS-ASHTTP 3.2.5.1.1).
public struct UserAgentHistory: Hashable, Sendable, Codable {
    public var current: String
    /// The changes within the tracking period, oldest first.
    public var changes: [Date]

    public init(current: String, changes: [Date] = []) {
        self.current = current
        self.changes = changes
    }
}
