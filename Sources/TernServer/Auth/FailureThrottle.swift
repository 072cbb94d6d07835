/// Slows down password guessing: counts failed sign-ins per login and per client address and,
/// once either has failed `threshold` times within `window`, makes every further attempt wait
/// before it is answered, doubling from `baseDelay` up to `maxDelay`.
///
/// A plain value: instants in, delays out, no clock and no sleeping, so that tests drive it
/// with made-up instants (STYLE.md, 5). `Authenticator` keeps it in a `Mutex` and sleeps.
struct FailureThrottle: Sendable {
    /// What is counted: a login (lowercased) or a client address.
    enum Key: Hashable, Sendable {
        case login(String)
        case client(String)
    }

    var threshold = 5
    var window: Duration = .seconds(300)
    var baseDelay: Duration = .seconds(1)
    var maxDelay: Duration = .seconds(8)
    /// Keys kept before expired ones are swept, so that a flood of made-up logins stays bounded.
    var sweepAbove = 10_000

    private var failures: [Key: [ContinuousClock.Instant]] = [:]

    /// How long an attempt for `keys` at `now` waits before it is answered: zero below the threshold.
    func delay(for keys: [Key], at now: ContinuousClock.Instant) -> Duration {
        let worst = keys.map { recentFailures(of: $0, at: now) }.max() ?? 0
        guard worst >= threshold else { return .zero }
        var delay = baseDelay
        for _ in threshold..<worst where delay < maxDelay { delay *= 2 }
        return min(delay, maxDelay)
    }

    mutating func recordFailure(of keys: [Key], at now: ContinuousClock.Instant) {
        if failures.count > sweepAbove {
            failures = failures.filter { _, instants in instants.last.map { now - $0 < window } ?? false }
        }
        for key in keys {
            // Only the newest few matter: the delay stops growing a few failures past the threshold.
            failures[key, default: []] = (failures[key, default: []] + [now]).suffix(threshold + 8)
        }
    }

    /// A successful sign-in clears its login's count (not its address's: one good account
    /// must not unlock guessing at others from the same address).
    mutating func recordSuccess(of key: Key) {
        failures[key] = nil
    }

    private func recentFailures(of key: Key, at now: ContinuousClock.Instant) -> Int {
        failures[key]?.count { now - $0 < window } ?? 0
    }
}
