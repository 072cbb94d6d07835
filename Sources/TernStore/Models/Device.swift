public import ActiveSync
public import Foundation

/// A phone or other client of one user, identified by the EAS DeviceId it sends
/// (MS-ASHTTP 2.2.1.1.1.2.3), with what provisioning and wipe know about it.
public struct Device: Hashable, Sendable, Codable {
    public typealias ID = Int64

    public var id: ID
    public let userID: User.ID
    /// The DeviceId query parameter, up to 32 characters.
    public var deviceID: String
    public var deviceType: String
    /// From Settings DeviceInformation (MS-ASCMD 2.2.3.45): model, OS, friendly name, user agent.
    public var information: DeviceInformation
    /// The MS-ASProtocolVersion of the device's last request.
    public var protocolVersion: String?
    public var provisioning: ProvisionState
    public var wipe: WipeState
    /// Blocked by an admin: refused until allowed again.
    public var isBlocked: Bool
    public var firstSeen: Date
    public var lastSeen: Date
    /// The recovery password the device sent in Settings DevicePassword, and when.
    public var recoveryPassword: String?
    public var recoveryPasswordSetAt: Date?
    /// When the device last reported that a requested wipe failed (it is sent again); nil
    /// when it has not.
    public var wipeFailedAt: Date?
    /// A block Tern put on the device itself; nil when there is none.
    public var autoblock: Autoblock?
    /// The User-Agent headers it sent, to count changes.
    public var userAgents: UserAgentHistory?
    /// Whether the server writes the device's decoded requests and responses to its trace
    /// file (`tern device trace`); nil when it does not.
    public var trace: DeviceTrace?

    /// Whether the device is refused at `date`: blocked by an admin, or by an autoblock that
    /// has not run out.
    public func isRefused(at date: Date) -> Bool {
        isBlocked || autoblock?.isActive(at: date) == true
    }

    public init(
        id: ID, userID: User.ID, deviceID: String, deviceType: String,
        information: DeviceInformation = DeviceInformation(),
        protocolVersion: String? = nil, provisioning: ProvisionState = .unprovisioned, wipe: WipeState = .none,
        isBlocked: Bool = false, firstSeen: Date, lastSeen: Date
    ) {
        self.id = id
        self.userID = userID
        self.deviceID = deviceID
        self.deviceType = deviceType
        self.information = information
        self.protocolVersion = protocolVersion
        self.provisioning = provisioning
        self.wipe = wipe
        self.isBlocked = isBlocked
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }
}

/// What a device said about itself in Settings DeviceInformation Set: the protocol's own type,
/// kept as it is (its JSON has the same keys the store's struct had).
public typealias DeviceInformation = DeviceInformationData
