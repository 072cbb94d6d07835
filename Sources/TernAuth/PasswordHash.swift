import HummingbirdBcrypt

/// Password hashing for `User.passwordHash`: bcrypt, so a stolen database gives no passwords.
public enum PasswordHash {
    /// The default work factor: about a quarter of a second per hash on a small machine.
    public static let defaultCost: UInt8 = 12

    /// A bcrypt hash of `password`. Bcrypt reads at most 72 bytes of the password.
    public static func make(_ password: String, cost: UInt8 = defaultCost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
