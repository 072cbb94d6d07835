import Synchronization
import TernAuth
import TernStore

/// Basic-auth sign-in shared by the EAS endpoint and autodiscover: a login or an address and
/// a password, checked against the user's bcrypt hash.
///
/// A password verified in the last five minutes is accepted from `CredentialCache` without
/// bcrypt and without waiting, so a signed-in device is not slowed by someone guessing at its
/// login. Every other attempt, after repeated failures for its login or its client address,
/// waits as `FailureThrottle` says before the password is checked, whatever the outcome, so
/// that a guesser cannot give up early on slow answers and learn from the quick ones.
/// Waiting is `Task.sleep`, which holds no thread; bcrypt itself still runs on the caller's.
/// A name no user has costs the same bcrypt work as a wrong password.
final class Authenticator: Sendable {
    private struct State {
        var cache = CredentialCache()
        var throttle = FailureThrottle()
    }

    let store: any Store
    private let state = Mutex(State())

    /// A hash of no one's password, at the default cost, verified when no user has the name.
    private static let absentUserHash = PasswordHash.make(String(UInt64.random(in: .min ... .max), radix: 36))

    init(store: any Store) {
        self.store = store
    }

    /// The signed-in user, or nil when the name or the password is wrong.
    func authenticate(_ credentials: BasicCredentials, from client: String?) async throws -> User? {
        var found = try await store.user(login: credentials.login)
        if found == nil { found = try await store.user(address: credentials.user) }
        if let user = found,
            state.withLock({
                $0.cache.contains(
                    login: user.login, password: credentials.password, passwordHash: user.passwordHash, at: .now)
            })
        {
            return user
        }
        let login = FailureThrottle.Key.login(credentials.login.lowercased())
        let keys = [login] + (client.map { [.client($0)] } ?? [])
        let wait = state.withLock { $0.throttle.delay(for: keys, at: .now) }
        if wait > .zero { try await Task.sleep(for: wait) }
        // An unknown name is checked against a hash too, so that it costs what a wrong
        // password costs and the answer's timing does not tell which accounts exist.
        let verified = PasswordHash.verify(credentials.password, hash: found?.passwordHash ?? Self.absentUserHash)
        guard let user = found, verified else {
            state.withLock { $0.throttle.recordFailure(of: keys, at: .now) }
            return nil
        }
        state.withLock { state in
            state.cache.insert(
                login: user.login, password: credentials.password, passwordHash: user.passwordHash, at: .now)
            state.throttle.recordSuccess(of: login)
        }
        return user
    }
}
