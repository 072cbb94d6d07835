/// The gate in front of every command but Provision: whether a device may have data, from
/// its provisioning, wipe and block state and the policy key it sent (MS-ASPROV 3.2.5.1).
///
/// A pure value: the server loads the device, asks `decide`, and performs the answer.
public struct DeviceAccess: Hashable, Sendable {
    public var provisioning: ProvisionState
    public var wipe: WipeState
    public var isBlocked: Bool
    /// The version of the policy in force for the device's user now.
    public var currentPolicyVersion: Int64

    public init(provisioning: ProvisionState, wipe: WipeState, isBlocked: Bool, currentPolicyVersion: Int64) {
        self.provisioning = provisioning
        self.wipe = wipe
        self.isBlocked = isBlocked
        self.currentPolicyVersion = currentPolicyVersion
    }

    /// What to do with a request.
    public enum Decision: Hashable, Sendable {
        case allow
        /// Refuse with this status (14.0+) or, for 12.1, `legacyHTTPStatus` and no body.
        case refuse(CommonStatus, legacyHTTPStatus: Int)
    }

    /// Decides a request that carried `policyKey` (from `X-MS-PolicyKey` or the query).
    ///
    /// Protocol 12.1 has no common status codes: it gets HTTP 449 ("provision again") for
    /// every provisioning reason and 403 when blocked or wiped (MS-ASHTTP 3.2.5.1).
    public func decide(policyKey: UInt32?) -> Decision {
        if isBlocked { return .refuse(.deviceIsBlockedForThisUser, legacyHTTPStatus: 403) }
        switch wipe {
        case .none: break
        case .requested: return .refuse(.remoteWipeRequested, legacyHTTPStatus: 449)
        case .acknowledged: return .refuse(.deviceIsBlockedForThisUser, legacyHTTPStatus: 403)
        }
        guard case .provisioned(let key, let version) = provisioning, let policyKey, policyKey != 0 else {
            return .refuse(.deviceNotProvisioned, legacyHTTPStatus: 449)
        }
        guard policyKey == key else { return .refuse(.invalidPolicyKey, legacyHTTPStatus: 449) }
        guard version >= currentPolicyVersion else { return .refuse(.policyRefresh, legacyHTTPStatus: 449) }
        return .allow
    }
}
