import Synchronization
import TernStore

/// Counts, per device, the Pings and Syncs that brought it nothing (a Ping answered at once
/// without changes, a Sync that sent nothing and has nothing more), over the last minute,
/// for `AutoblockLimits.maxQuietRequestsPerMinute`. A Sync that sends items, or leaves more
/// (an initial sync of a large folder), and a Ping that waits are work, not a loop. In
/// memory: a restart forgets it, which at worst lets a looping device go on a minute longer.
final class QuietRequestRate: Sendable {
    private let limit: Int
    private let recent: Mutex<RecentEvents<Device.ID>>

    init(limit: Int) {
        self.limit = limit
        recent = Mutex(RecentEvents(window: .seconds(60), keep: max(limit, 1)))
    }

    /// Whether the device already reached the limit within the last minute.
    func isExceeded(by device: Device.ID, at now: ContinuousClock.Instant = .now) -> Bool {
        guard limit > 0 else { return false }
        return recent.withLock { $0.count(device, at: now) } >= limit
    }

    func record(_ device: Device.ID, at now: ContinuousClock.Instant = .now) {
        guard limit > 0 else { return }
        recent.withLock { $0.record(device, at: now) }
    }

    /// Forgets the device's count, as when it is blocked or allowed again.
    func reset(_ device: Device.ID) {
        recent.withLock { $0.forget(device) }
    }
}
