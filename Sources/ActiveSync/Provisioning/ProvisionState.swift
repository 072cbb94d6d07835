public import Foundation

/// Where a device is in two-phase provisioning (MS-ASPROV 3.1.5.1).
public enum ProvisionState: Hashable, Sendable, Codable {
    case unprovisioned
    /// Phase one answered with a temporary policy key the device must acknowledge.
    case temporaryKey(UInt32)
    /// The device acknowledged the policy of `policyVersion` and holds `key`.
    case provisioned(key: UInt32, policyVersion: Int64)
}

/// Whether an admin asked for the device to be wiped, and whether it did.
public enum WipeState: Hashable, Sendable, Codable {
    case none
    /// Wipe requested; `accountOnly` asks only for this account's data (16.1 AccountOnlyRemoteWipe).
    case requested(accountOnly: Bool, at: Date)
    /// The device acknowledged the wipe; it is refused until an admin allows it again.
    case acknowledged(accountOnly: Bool, requestedAt: Date, acknowledgedAt: Date)
}
