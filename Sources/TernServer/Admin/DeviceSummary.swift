import ActiveSync
public import Foundation
import TerminalOutput
import TernStore

/// A device as listed by `tern device list --json` and `GET /admin/api/v1/devices`, its
/// provisioning and wipe states in words.
public struct DeviceSummary: Codable, Hashable, Sendable {
    public let user: String
    public let deviceID: String
    public let deviceType: String
    public let model: String?
    public let protocolVersion: String?
    public let lastSeen: Date
    public let policy: String
    public let wipe: String
    public let blocked: Bool
    /// Why and until when Tern blocked the device by itself; nil when it did not.
    public let autoblock: String?
    /// Items the device is not being sent (data that cannot be encoded, or an item it could
    /// not take); nil when there are none.
    public let withheld: [WithheldItem]?

    /// An item the device is not being sent, and why ("unencodable", "refused by device").
    public struct WithheldItem: Codable, Hashable, Sendable {
        public let collectionID: String
        public let serverID: String
        public let reason: String
    }

    init(_ device: Device, login: String, withheld: [WithheldItem] = []) {
        self.withheld = withheld.isEmpty ? nil : withheld
        user = login
        deviceID = device.deviceID
        deviceType = device.deviceType
        model = device.information.model
        protocolVersion = device.protocolVersion
        lastSeen = device.lastSeen
        policy = Self.describe(device.provisioning)
        wipe =
            Self.describe(device.wipe)
            + (device.wipeFailedAt.map { ", failed " + RelativeTime.describe($0) + ", sent again" } ?? "")
        blocked = device.isBlocked
        autoblock = device.autoblock.flatMap { block in
            guard block.isActive(at: Date()) else { return nil }
            let why =
                block.reason == .userAgentChanges ? "its User-Agent changed too often" : "a Ping or Sync every second"
            return "\(why), until \(block.until.formatted(.iso8601))"
        }
    }

    static func describe(_ state: ProvisionState) -> String {
        switch state {
        case .unprovisioned: "not provisioned"
        case .temporaryKey: "provisioning"
        case .provisioned(_, let version): "provisioned (policy \(version))"
        }
    }

    static func describe(_ state: WipeState) -> String {
        switch state {
        case .none: "-"
        case .requested(let accountOnly, _): accountOnly ? "account wipe pending" : "wipe pending"
        case .acknowledged(let accountOnly, _, let at):
            (accountOnly ? "account wiped " : "wiped ") + RelativeTime.describe(at)
        }
    }
}
