/// Slows down password guessing: counts failed sign-ins per login and per client address and,
/// once either has failed `threshold` times within five minutes, makes every further attempt wait
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

    static let threshold = 5
    var baseDelay: Duration = .seconds(1)
    var maxDelay: Duration = .seconds(8)

    /// Failures within the last five minutes; only the newest few matter, as the delay stops
    /// growing a few failures past the threshold.
    private var failures = RecentEvents<Key>(window: .seconds(300), keep: threshold + 8)

    /// How long an attempt for `keys` at `now` waits before it is answered: zero below the threshold.
    func delay(for keys: [Key], at now: ContinuousClock.Instant) -> Duration {
        let worst = keys.map { failures.count($0, at: now) }.max() ?? 0
        guard worst >= Self.threshold else { return .zero }
        var delay = baseDelay
        for _ in Self.threshold..<worst where delay < maxDelay { delay *= 2 }
        return min(delay, maxDelay)
    }

    mutating func recordFailure(of keys: [Key], at now: ContinuousClock.Instant) {
        for key in keys { failures.record(key, at: now) }
    }

    /// A successful sign-in clears its login's count (not its address's: one good account
    /// must not unlock guessing at others from the same address).
    mutating func recordSuccess(of key: Key) {
        failures.forget(key)
    }
}
