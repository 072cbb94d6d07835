import Synchronization
import TernStore

/// Counts, per device, the Pings and Syncs that brought it nothing (a Ping answered at once
/// without changes, a Sync that sent nothing and has nothing more), over the last minute,
/// for `AutoblockLimits.maxQuietRequestsPerMinute`. A Sync that sends items, or leaves more
/// (an initial sync of a large folder), and a Ping that waits are work, not a loop. In
/// memory: a restart forgets it, which at worst lets a looping device go on a minute longer.
final class QuietRequestRate: Sendable {
    private let limit: Int
    private let window: Duration = .seconds(60)
    private let recent = Mutex<[Device.ID: [ContinuousClock.Instant]]>([:])
    /// Devices kept before those quiet for a whole window are swept.
    private let sweepAbove = 10_000

    init(limit: Int) {
        self.limit = limit
    }

    /// Whether the device already reached the limit within the last minute.
    func isExceeded(by device: Device.ID, at now: ContinuousClock.Instant = .now) -> Bool {
        guard limit > 0 else { return false }
        return recent.withLock { $0[device]?.count { now - $0 < window } ?? 0 } >= limit
    }

    func record(_ device: Device.ID, at now: ContinuousClock.Instant = .now) {
        guard limit > 0 else { return }
        recent.withLock { recent in
            if recent.count > sweepAbove {
                recent = recent.filter { _, instants in instants.last.map { now - $0 < window } ?? false }
            }
            recent[device, default: []] = (recent[device, default: []].filter { now - $0 < window } + [now]).suffix(
                limit)
        }
    }

    /// Forgets the device's count, as when it is blocked or allowed again.
    func reset(_ device: Device.ID) {
        _ = recent.withLock { $0.removeValue(forKey: device) }
    }
}
