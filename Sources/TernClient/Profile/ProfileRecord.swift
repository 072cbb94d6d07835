public import ActiveSync
public import Foundation

/// What `profile.json` holds: the account, its password sealed under the data key, the data
/// key itself (wrapped by the PIN once one is set), and what provisioning and sync learned.
/// The file is written with mode 0600.
public struct ProfileRecord: Codable, Sendable {
    public var account: DeviceAccount
    /// The account's password, sealed under the data key; removed by a wipe.
    public var sealedPassword: Data?
    /// The data key of the cache and the password; nil once wiped.
    public var cacheKey: StoredCacheKey?
    /// The protocol version negotiated at setup, e.g. `16.1`.
    public var protocolVersion: String
    /// The final policy key of the last Provision; nil before it and after a wipe.
    public var policyKey: UInt32?
    /// The settings of the EASProvisionDoc last received (MS-ASPROV 2.2.2.27), in order.
    public var policy: [PolicySetting]
    public var provisionedAt: Date?
    public var lastSyncAt: Date?
    /// When this device's local data was wiped; a wiped profile refuses everything but `setup`,
    /// `wipe-status` and `pin status`.
    public var wipedAt: Date?
    /// Why: the server's order, for the whole device or this account, or too many wrong PINs.
    public var wipeReason: WipeReason?

    /// A new profile whose password is sealed under `key`, kept as it is until a PIN is set.
    init(account: DeviceAccount, password: String, key: CacheKey, protocolVersion: ProtocolVersion) throws {
        self.account = account
        sealedPassword = try key.seal(password, context: Self.passwordContext)
        cacheKey = .open(key: key.bytes)
        self.protocolVersion = protocolVersion.description
        policy = []
    }

    static let passwordContext = "password"

    /// The PIN rules of the policy last received.
    public var pinPolicy: PINPolicy { PINPolicy(policy) }

    /// The wrapped data key, when a PIN is set.
    public var pinProtection: PINProtectedKey? {
        guard case .pinProtected(let protected) = cacheKey else { return nil }
        return protected
    }

    /// The negotiated version; 14.1 if the file holds something unreadable.
    public var version: ProtocolVersion { ProtocolVersion(protocolVersion) ?? .v14_1 }

    /// The policy setting `name`, e.g. `MinDevicePasswordLength`, if the policy had it.
    public func policySetting(_ name: String) -> String? {
        policy.first { $0.name == name }?.value
    }
}

/// One setting of the device policy, as the EASProvisionDoc names it.
public struct PolicySetting: Codable, Hashable, Sendable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Why a profile's local data was erased.
public enum WipeReason: String, Codable, Sendable {
    /// Provision RemoteWipe: the whole device, PIN and data key included.
    case remote
    /// Provision AccountOnlyRemoteWipe (16.1): the account's data and password; the PIN stays.
    case accountOnly
    /// MaxDevicePasswordFailedAttempts wrong PINs in a row.
    case failedPINs

    /// The sentence a command prints on stderr, or on a later run.
    public var explanation: String {
        switch self {
        case .remote: "the server ordered a remote wipe: this device's local data is erased"
        case .accountOnly:
            "the server ordered an account-only wipe: this account's local data and password are erased (the device PIN stays)"
        case .failedPINs: "too many wrong PINs: this device's local data, keys and password are erased"
        }
    }
}
