/// Remembers passwords recently verified against bcrypt, so that a device's every request
/// (a phone sends one per sync and per held Ping) does not pay a quarter of a second of
/// bcrypt: an entry holds the user's bcrypt hash as it was when the password was checked and
/// a keyed hash of the password, never the password itself.
///
/// The keyed hash is Swift's `Hasher` (SipHash, seeded at random per process) over a further
/// random salt, so entries are worthless outside this process. An entry stops matching when
/// the user's stored hash changes (a new password) or when it is older than `lifetime`.
struct CredentialCache: Sendable {
    private struct Entry: Sendable {
        let passwordHash: String
        let digest: Int
        let verifiedAt: ContinuousClock.Instant
    }

    var lifetime: Duration = .seconds(300)
    private let salt = UInt64.random(in: .min ... .max)
    private var entries: [String: Entry] = [:]
    /// Expired entries are dropped once per lifetime, not on every insert: a reconnect
    /// storm of 100,000 devices inserts 100,000 entries in a minute.
    private var nextPrune: ContinuousClock.Instant?

    /// Whether `password` was verified for `login` within the lifetime, against `passwordHash`.
    func contains(login: String, password: String, passwordHash: String, at now: ContinuousClock.Instant) -> Bool {
        guard let entry = entries[login] else { return false }
        return entry.passwordHash == passwordHash && now - entry.verifiedAt < lifetime
            && entry.digest == digest(password, passwordHash)
    }

    mutating func insert(login: String, password: String, passwordHash: String, at now: ContinuousClock.Instant) {
        if nextPrune.map({ now >= $0 }) ?? true {
            entries = entries.filter { now - $0.value.verifiedAt < lifetime }
            nextPrune = now + lifetime
        }
        entries[login] = Entry(passwordHash: passwordHash, digest: digest(password, passwordHash), verifiedAt: now)
    }

    private func digest(_ password: String, _ passwordHash: String) -> Int {
        var hasher = Hasher()
        hasher.combine(salt)
        hasher.combine(password)
        hasher.combine(passwordHash)
        return hasher.finalize()
    }
}
