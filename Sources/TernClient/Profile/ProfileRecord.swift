public import ActiveSync
public import Foundation

/// What `profile.json` holds: the account, its password, and what provisioning and sync
/// learned. The file is written with mode 0600 because of the password.
public struct ProfileRecord: Codable, Sendable {
    public var account: DeviceAccount
    /// The account's password; removed by a remote wipe.
    public var password: String?
    /// The protocol version negotiated at setup, e.g. `16.1`.
    public var protocolVersion: String
    /// The final policy key of the last Provision; nil before it and after a wipe.
    public var policyKey: UInt32?
    /// The settings of the EASProvisionDoc last received (MS-ASPROV 2.2.2.27), in order.
    public var policy: [PolicySetting]
    public var provisionedAt: Date?
    public var lastSyncAt: Date?
    /// When this device obeyed a remote wipe; a wiped profile refuses everything but `setup`.
    public var wipedAt: Date?

    public init(account: DeviceAccount, password: String?, protocolVersion: ProtocolVersion) {
        self.account = account
        self.password = password
        self.protocolVersion = protocolVersion.description
        policy = []
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
