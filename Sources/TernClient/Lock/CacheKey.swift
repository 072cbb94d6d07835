import Crypto
public import Foundation

/// The device's data key: 256 random bits that encrypt each item's payload and each folder's
/// name in `cache.sqlite`, and the account password in `profile.json`, with AES-GCM.
///
/// Every sealed value is bound to where it lives by its `context` (authenticated, not
/// stored), so a ciphertext copied into another row does not open there. The key itself is
/// kept as `StoredCacheKey` says: as it is when no PIN is set, else wrapped by the PIN.
public struct CacheKey: Sendable {
    let key: SymmetricKey

    /// A fresh key from the system's random source.
    public static func random() -> CacheKey {
        CacheKey(key: SymmetricKey(size: .bits256))
    }

    init(key: SymmetricKey) {
        self.key = key
    }

    /// The key from its 32 bytes; nil for anything else.
    init?(bytes: Data) {
        guard bytes.count == 32 else { return nil }
        key = SymmetricKey(data: bytes)
    }

    /// The key's 32 bytes, to store or wrap.
    var bytes: Data {
        key.withUnsafeBytes { Data($0) }
    }

    /// Nonce, ciphertext and tag in one value (`AES.GCM.SealedBox.combined`).
    func seal(_ plaintext: Data, context: String) throws -> Data {
        guard let combined = try AES.GCM.seal(plaintext, using: key, authenticating: Data(context.utf8)).combined else {
            preconditionFailure("AES-GCM with the default 12-byte nonce always has a combined form")
        }
        return combined
    }

    /// The plaintext of `sealed`; throws when the key or the context is not the one it was sealed with.
    func open(_ sealed: Data, context: String) throws -> Data {
        try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key, authenticating: Data(context.utf8))
    }

    func seal(_ text: String, context: String) throws -> Data {
        try seal(Data(text.utf8), context: context)
    }

    func openText(_ sealed: Data, context: String) throws -> String {
        String(decoding: try open(sealed, context: context), as: UTF8.self)
    }
}

/// How `profile.json` keeps the data key.
public enum StoredCacheKey: Codable, Sendable {
    /// No PIN is set (the policy asks for none): the key as it is, beside the data it opens.
    /// This keeps one code path; it protects nothing.
    case open(key: Data)
    /// Wrapped by a key derived from the PIN.
    case pinProtected(lock: PINProtectedKey)
}
