/// The Status of a Provision response (MS-ASPROV 2.2.2.54.2); 14.0+ may also answer a common
/// status such as 139 (`ProvisionStatus(.deviceNotFullyProvisionable)`).
public struct ProvisionStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let success = ProvisionStatus(rawValue: 1)
    /// The request is none of the four shapes Provision takes, or names what the device does not hold.
    public static let protocolError = ProvisionStatus(rawValue: 2)
    public static let serverError = ProvisionStatus(rawValue: 3)
}

/// The Status inside a response's `Policy` (MS-ASPROV 2.2.2.54.1).
public struct PolicyStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let success = PolicyStatus(rawValue: 1)
    public static let noPolicy = PolicyStatus(rawValue: 2)
    /// The PolicyType is not `MS-EAS-Provisioning-WBXML`.
    public static let unknownPolicyType = PolicyStatus(rawValue: 3)
    public static let corruptPolicy = PolicyStatus(rawValue: 4)
    /// The acknowledgement named a key the device was not given.
    public static let wrongPolicyKey = PolicyStatus(rawValue: 5)
}
