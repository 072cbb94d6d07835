import HTTPTypes
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
///
/// With a `PasswordVerifierKey`, a password that passed bcrypt once is checked by its keyed
/// verifier in the store from then on, also after a restart, so a server coming back to
/// 100,000 devices does no bcrypt for them. bcrypt runs through `PasswordCheckGate`: a
/// sign-in that finds it full is answered 503 with Retry-After.
final class Authenticator: Sendable {
    private struct State {
        var cache = CredentialCache()
        var throttle = FailureThrottle()
    }

    let store: any Store
    let verifierKey: PasswordVerifierKey?
    let gate: PasswordCheckGate
    private let retryAfterSeconds: Int
    private let state = Mutex(State())
    private let verifierSignIns = Atomic<Int>(0)
    private let failedSignIns = Atomic<Int>(0)

    /// A hash of no one's password, at the default cost, verified when no user has the name.
    private static let absentUserHash = PasswordHash.make(String(UInt64.random(in: .min ... .max), radix: 36))

    init(store: any Store, limits: PasswordCheckLimits = PasswordCheckLimits()) throws {
        self.store = store
        verifierKey = try limits.verifierKeyFile.map(PasswordVerifierKey.init(contentsOfFile:))
        gate = PasswordCheckGate(maxRunning: limits.maxRunning, maxWaiting: limits.maxWaiting)
        retryAfterSeconds = limits.retryAfterSeconds
    }

    /// How sign-ins were checked since the server started.
    var figures: PasswordCheckFigures {
        let gate = gate.figures
        return PasswordCheckFigures(
            bcryptChecks: gate.checks, verifierChecks: verifierSignIns.load(ordering: .relaxed),
            busyRefusals: gate.refusals, peakConcurrentBcrypt: gate.peakRunning,
            failures: failedSignIns.load(ordering: .relaxed))
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
        if let user = found, let key = verifierKey, let stored = try await store.passwordVerifier(of: user.id),
            key.matches(stored, password: credentials.password, passwordHash: user.passwordHash)
        {
            verifierSignIns.add(1, ordering: .relaxed)
            remember(user, password: credentials.password, login: login)
            return user
        }
        let verified: Bool
        do {
            verified = try await gate.run {
                PasswordHash.verify(credentials.password, hash: found?.passwordHash ?? Self.absentUserHash)
            }
        } catch {
            throw HTTPRefusal(status: 503, headers: [.retryAfter: String(retryAfterSeconds)])
        }
        guard let user = found, verified else {
            failedSignIns.add(1, ordering: .relaxed)
            state.withLock { $0.throttle.recordFailure(of: keys, at: .now) }
            return nil
        }
        if let key = verifierKey {
            try await store.setPasswordVerifier(
                key.verifier(password: credentials.password, passwordHash: user.passwordHash), of: user.id)
        }
        remember(user, password: credentials.password, login: login)
        return user
    }

    private func remember(_ user: User, password: String, login: FailureThrottle.Key) {
        state.withLock { state in
            state.cache.insert(login: user.login, password: password, passwordHash: user.passwordHash, at: .now)
            state.throttle.recordSuccess(of: login)
        }
    }
}
