import Crypto
public import Foundation

/// The secret behind the fast password check that spares a restarted server a bcrypt storm:
/// once a password has passed bcrypt, the store keeps HMAC-SHA256 under this key of the
/// user's bcrypt hash and the password, and later sign-ins (after a restart too) compare
/// against that instead of running bcrypt again.
///
/// The key lives in a file outside the database and its backups (mode 0600, 32 bytes or
/// more, e.g. `head -c 32 /dev/urandom`): a stolen database without it holds nothing cheaper
/// to attack than bcrypt. The hash is part of the HMAC's input, so a new password makes the
/// old verifier worthless.
public struct PasswordVerifierKey: Sendable {
    private let key: SymmetricKey

    /// Why a key file cannot be used.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        public let description: String
    }

    public init(bytes: some ContiguousBytes) {
        key = SymmetricKey(data: bytes)
    }

    /// Reads the key from `path`; refuses a file others may read, or one under 32 bytes.
    public init(contentsOfFile path: String) throws(Refusal) {
        let attributes: [FileAttributeKey: Any]
        let data: Data
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Refusal(description: "cannot read the verifier key \(path)")
        }
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard permissions & 0o077 == 0 else {
            throw Refusal(description: "the verifier key \(path) may be read by others: chmod 600 it")
        }
        guard (32...4096).contains(data.count) else {
            throw Refusal(description: "the verifier key \(path) is \(data.count) bytes, not 32 to 4096")
        }
        self.init(bytes: data)
    }

    /// The verifier to store for `password` under the user's bcrypt `passwordHash`.
    public func verifier(password: String, passwordHash: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Self.message(password, passwordHash), using: key))
    }

    /// Whether `verifier` is this key's for `password` and `passwordHash`, compared in
    /// constant time.
    public func matches(_ verifier: Data, password: String, passwordHash: String) -> Bool {
        HMAC<SHA256>.isValidAuthenticationCode(
            verifier, authenticating: Self.message(password, passwordHash), using: key)
    }

    private static func message(_ password: String, _ passwordHash: String) -> Data {
        Data(passwordHash.utf8) + Data([0]) + Data(password.utf8)
    }
}
