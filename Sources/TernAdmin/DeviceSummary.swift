import ActiveSync
public import Foundation
public import TernStore

/// A device as listed by `tern device list --json` and `GET /admin/api/v1/devices`: its
/// provisioning, wipe and block states as data (times as `Date`, which JSON writes in
/// ISO 8601); the CLI's table puts them in words.
public struct DeviceSummary: Codable, Hashable, Sendable {
    public let user: String
    public let deviceID: String
    public let deviceType: String
    public let model: String?
    public let protocolVersion: String?
    public let firstSeen: Date
    public let lastSeen: Date
    public let policy: PolicyStatus
    /// nil when no wipe was ever asked for (or an allow cleared it).
    public let wipe: WipeStatus?
    public let blocked: Bool
    /// Why and until when Tern blocked the device by itself; nil when it did not, or the
    /// block ran out.
    public let autoblock: AutoblockStatus?
    /// Items the device is not being sent (data that cannot be encoded, or an item it could
    /// not take); nil when there are none.
    public let withheld: [WithheldItem]?

    /// Where the device is in provisioning (MS-ASPROV), and the policy version it holds.
    public struct PolicyStatus: Codable, Hashable, Sendable {
        public enum State: String, Codable, Hashable, Sendable {
            case notProvisioned
            /// It holds a temporary key and has not acknowledged the policy yet.
            case provisioning
            case provisioned
        }

        public let state: State
        /// The version of the policy it acknowledged; nil unless provisioned.
        public let version: Int64?
    }

    /// A remote wipe asked for, and what became of it.
    public struct WipeStatus: Codable, Hashable, Sendable {
        public enum State: String, Codable, Hashable, Sendable {
            /// Asked for; the device has not confirmed it.
            case pending
            /// The device confirmed it wiped itself.
            case wiped
        }

        public let state: State
        /// An account-only wipe (16.1), which leaves the rest of the phone alone.
        public let accountOnly: Bool
        public let requestedAt: Date
        /// When the device confirmed; nil while pending.
        public let wipedAt: Date?
        /// When the device last reported that the wipe failed (it is sent again); nil when never.
        public let failedAt: Date?
    }

    /// A block Tern put on the device by itself, in force until `until`.
    public struct AutoblockStatus: Codable, Hashable, Sendable {
        public let reason: Autoblock.Reason
        public let until: Date
    }

    /// An item the device is not being sent, and why ("unencodable", "refused by device").
    public struct WithheldItem: Codable, Hashable, Sendable {
        public let collectionID: String
        public let serverID: String
        public let reason: String
    }

    init(_ device: Device, login: String, withheld: [WithheldItem] = [], now: Date = Date()) {
        self.withheld = withheld.isEmpty ? nil : withheld
        user = login
        deviceID = device.deviceID
        deviceType = device.deviceType
        model = device.information.model
        protocolVersion = device.protocolVersion
        firstSeen = device.firstSeen
        lastSeen = device.lastSeen
        policy =
            switch device.provisioning {
            case .unprovisioned: PolicyStatus(state: .notProvisioned, version: nil)
            case .temporaryKey: PolicyStatus(state: .provisioning, version: nil)
            case .provisioned(_, let version): PolicyStatus(state: .provisioned, version: version)
            }
        wipe =
            switch device.wipe {
            case .none: nil
            case .requested(let accountOnly, let at):
                WipeStatus(
                    state: .pending, accountOnly: accountOnly, requestedAt: at, wipedAt: nil,
                    failedAt: device.wipeFailedAt)
            case .acknowledged(let accountOnly, let requestedAt, let at):
                WipeStatus(
                    state: .wiped, accountOnly: accountOnly, requestedAt: requestedAt, wipedAt: at,
                    failedAt: device.wipeFailedAt)
            }
        blocked = device.isBlocked
        autoblock = device.autoblock.flatMap { block in
            block.isActive(at: now) ? AutoblockStatus(reason: block.reason, until: block.until) : nil
        }
    }
}
