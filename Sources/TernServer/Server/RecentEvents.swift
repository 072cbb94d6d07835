/// When something last happened, per key: the newest `keep` instants of each, to count how
/// many fell within `window`. Keys whose newest instant is older than the window are swept
/// once there are more than `sweepAbove`, so a flood of made-up keys stays bounded.
///
/// A plain value: instants in, counts out, no clock, so that tests drive it with made-up
/// instants. `FailureThrottle` counts failed sign-ins with it, `QuietRequestRate` a device's
/// round trips that did nothing.
struct RecentEvents<Key: Hashable & Sendable>: Sendable {
    let window: Duration
    let keep: Int
    var sweepAbove = 10_000

    private var instants: [Key: [ContinuousClock.Instant]] = [:]

    init(window: Duration, keep: Int) {
        self.window = window
        self.keep = keep
    }

    /// How many of `key`'s events fell within the window before `now`.
    func count(_ key: Key, at now: ContinuousClock.Instant) -> Int {
        instants[key]?.count { now - $0 < window } ?? 0
    }

    mutating func record(_ key: Key, at now: ContinuousClock.Instant) {
        if instants.count > sweepAbove {
            instants = instants.filter { _, recorded in recorded.last.map { now - $0 < window } ?? false }
        }
        instants[key] = (instants[key, default: []] + [now]).suffix(keep)
    }

    mutating func forget(_ key: Key) {
        instants[key] = nil
    }
}
