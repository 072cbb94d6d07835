import Foundation

/// How passwords are checked: the key of the fast verifier that spares a restart its bcrypt
/// storm (`PasswordVerifierKey`; nil checks every new sign-in with bcrypt, as before), and
/// how much bcrypt work runs and waits at once (`PasswordCheckGate`).
public struct PasswordCheckLimits: Hashable, Sendable {
    /// A file of 32 or more secret bytes, mode 0600, outside the data folder and its backups.
    public var verifierKeyFile: String?
    /// bcrypt checks at once: all cores but one, so push keeps a thread during a storm.
    public var maxRunning: Int
    /// bcrypt checks waiting their turn; beyond it a sign-in is answered 503 with Retry-After.
    public var maxWaiting: Int
    /// The Retry-After of that 503, in seconds.
    public var retryAfterSeconds: Int

    /// `maxRunning` nil is all cores but one.
    public init(
        verifierKeyFile: String? = nil, maxRunning: Int? = nil, maxWaiting: Int = 64, retryAfterSeconds: Int = 10
    ) {
        self.verifierKeyFile = verifierKeyFile
        self.maxRunning = maxRunning ?? max(ProcessInfo.processInfo.activeProcessorCount - 1, 1)
        self.maxWaiting = maxWaiting
        self.retryAfterSeconds = retryAfterSeconds
    }
}

/// How the server has checked sign-ins since it started (`TernServer.passwordCheckFigures`).
public struct PasswordCheckFigures: Hashable, Sendable {
    /// Passwords checked with bcrypt (new sign-ins, wrong passwords, unknown names).
    public var bcryptChecks: Int
    /// Sign-ins accepted by the keyed verifier, without bcrypt.
    public var verifierChecks: Int
    /// Sign-ins answered 503 because the bcrypt queue was full.
    public var busyRefusals: Int
    /// The most bcrypt checks that ran at once.
    public var peakConcurrentBcrypt: Int
    /// Sign-ins refused: a wrong password or a name no user has.
    public var failures: Int
}
