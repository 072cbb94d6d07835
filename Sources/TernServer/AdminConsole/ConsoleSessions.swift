import Synchronization

/// A signed-in admin's session: the id the cookie carries, the token every change must send
/// back (CSRF), and a message for the next page shown.
struct ConsoleSession: Sendable {
    let id: String
    let csrfToken: String
    fileprivate var expires: ContinuousClock.Instant
    fileprivate var notice: String?
}

/// The console's sessions, in memory (a restart signs everyone out): ids and CSRF tokens of
/// 256 random bits each, ended by sign-out or after `idleLifetime` without a request. At most
/// `capacity` are kept; past that the one closest to expiring makes room.
final class ConsoleSessions: Sendable {
    static let idleLifetime: Duration = .seconds(30 * 60)
    static let capacity = 1000

    private let table = Mutex<[String: ConsoleSession]>([:])

    /// A new session, valid from `now`.
    func open(at now: ContinuousClock.Instant) -> ConsoleSession {
        let session = ConsoleSession(
            id: Self.randomToken(), csrfToken: Self.randomToken(), expires: now + Self.idleLifetime)
        table.withLock { table in
            table = table.filter { $0.value.expires > now }
            if table.count >= Self.capacity, let soonest = table.min(by: { $0.value.expires < $1.value.expires }) {
                table[soonest.key] = nil
            }
            table[session.id] = session
        }
        return session
    }

    /// The live session with `id`, its lifetime renewed from `now`; nil when there is none.
    func session(_ id: String?, at now: ContinuousClock.Instant) -> ConsoleSession? {
        guard let id else { return nil }
        return table.withLock { table in
            guard var session = table[id] else { return nil }
            guard session.expires > now else {
                table[id] = nil
                return nil
            }
            session.expires = now + Self.idleLifetime
            table[id] = session
            return session
        }
    }

    func close(_ id: String) {
        _ = table.withLock { $0.removeValue(forKey: id) }
    }

    /// Leaves `notice` for the session's next page (after a change's redirect).
    func leave(_ notice: String, for id: String) {
        table.withLock { $0[id]?.notice = notice }
    }

    /// The notice left for the session, once.
    func takeNotice(of id: String) -> String? {
        table.withLock { table in
            defer { table[id]?.notice = nil }
            return table[id]?.notice
        }
    }

    /// 256 bits from the system's cryptographic generator (getrandom on Linux), in hex.
    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
