import Crypto
import CryptoExtras
public import Foundation

/// The data key wrapped (AES-GCM) by a key derived from the PIN with scrypt, and what the
/// device must remember of the PIN without the PIN: its quality and the wrong tries so far.
///
/// Opening the wrapped key is the PIN check: a wrong PIN derives another key, under which
/// the authentication tag fails. scrypt at N = 2^15, r = 8 (32 MiB, a tenth of a second)
/// makes each guess cost that much; the parameters are stored so they can grow later.
public struct PINProtectedKey: Codable, Sendable {
    public var salt: Data
    /// scrypt's N, r and p.
    public var rounds: Int
    public var blockSize: Int
    public var parallelism: Int
    public var wrapped: Data
    public var quality: PINQuality
    /// Wrong PINs entered since the last right one.
    public var failedAttempts: Int
    public var setAt: Date

    static let wrapContext = "tern-device data key"

    /// Wraps `key` under `pin` with a fresh 16-byte salt.
    init(wrapping key: CacheKey, pin: String, rounds: Int = 1 << 15) throws {
        var salt = Data(count: 16)
        salt.withUnsafeMutableBytes { buffer in
            var generator = SystemRandomNumberGenerator()
            for index in buffer.indices { buffer[index] = generator.next() }
        }
        self.salt = salt
        self.rounds = rounds
        blockSize = 8
        parallelism = 1
        quality = PINQuality(pin)
        failedAttempts = 0
        setAt = Date()
        wrapped = Data()
        wrapped = try derivedKey(pin).seal(key.bytes, context: Self.wrapContext)
    }

    /// The data key, or nil when `pin` is not the one it was wrapped with.
    func unwrap(_ pin: String) throws -> CacheKey? {
        guard let bytes = try? derivedKey(pin).open(wrapped, context: Self.wrapContext) else { return nil }
        return CacheKey(bytes: bytes)
    }

    private func derivedKey(_ pin: String) throws -> CacheKey {
        CacheKey(
            key: try KDF.Scrypt.deriveKey(
                from: Data(pin.utf8), salt: salt, outputByteCount: 32, rounds: rounds, blockSize: blockSize,
                parallelism: parallelism))
    }
}
