/// The device policy sent in the EASProvisionDoc (MS-ASPROV 2.2.2.27), set as a default and
/// optionally overridden per user. Times are in seconds, sizes in bytes; nil means "no limit".
public struct DevicePolicy: Hashable, Sendable, Codable {
    public var devicePasswordEnabled: Bool
    public var alphanumericDevicePasswordRequired: Bool
    public var minDevicePasswordLength: Int
    public var minDevicePasswordComplexCharacters: Int
    public var allowSimpleDevicePassword: Bool
    public var maxDevicePasswordFailedAttempts: Int?
    public var maxInactivityTimeDeviceLock: Int?
    /// Days until the PIN must change.
    public var devicePasswordExpiration: Int?
    public var devicePasswordHistory: Int
    public var requireDeviceEncryption: Bool
    public var attachmentsEnabled: Bool
    public var maxAttachmentSize: Int?

    public init(
        devicePasswordEnabled: Bool = false, alphanumericDevicePasswordRequired: Bool = false,
        minDevicePasswordLength: Int = 4, minDevicePasswordComplexCharacters: Int = 1,
        allowSimpleDevicePassword: Bool = true, maxDevicePasswordFailedAttempts: Int? = nil,
        maxInactivityTimeDeviceLock: Int? = nil, devicePasswordExpiration: Int? = nil, devicePasswordHistory: Int = 0,
        requireDeviceEncryption: Bool = false, attachmentsEnabled: Bool = true, maxAttachmentSize: Int? = nil
    ) {
        self.devicePasswordEnabled = devicePasswordEnabled
        self.alphanumericDevicePasswordRequired = alphanumericDevicePasswordRequired
        self.minDevicePasswordLength = minDevicePasswordLength
        self.minDevicePasswordComplexCharacters = minDevicePasswordComplexCharacters
        self.allowSimpleDevicePassword = allowSimpleDevicePassword
        self.maxDevicePasswordFailedAttempts = maxDevicePasswordFailedAttempts
        self.maxInactivityTimeDeviceLock = maxInactivityTimeDeviceLock
        self.devicePasswordExpiration = devicePasswordExpiration
        self.devicePasswordHistory = devicePasswordHistory
        self.requireDeviceEncryption = requireDeviceEncryption
        self.attachmentsEnabled = attachmentsEnabled
        self.maxAttachmentSize = maxAttachmentSize
    }
}

/// A policy as stored: the document and a version that grows with every change, so that a
/// device provisioned under an older version is made to provision again (MS-ASPROV 3.2.5.1).
public struct StoredPolicy: Hashable, Sendable {
    public let policy: DevicePolicy
    public let version: Int64
    /// Whether this is the user's own override rather than the default.
    public let isUserOverride: Bool

    public init(policy: DevicePolicy, version: Int64, isUserOverride: Bool) {
        self.policy = policy
        self.version = version
        self.isUserOverride = isUserOverride
    }
}
