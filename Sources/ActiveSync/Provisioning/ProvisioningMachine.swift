public import Foundation

/// Two-phase Provision (MS-ASPROV 3.2.5.1) and remote wipe as a state machine: the state in,
/// an answer out, no I/O. The server stores `provisioning` and `wipe` after each step.
///
/// Phase 1: the device asks for the policy; it gets the EASProvisionDoc and a temporary key
/// (or, when a wipe is pending, RemoteWipe instead). Phase 2: the device acknowledges the
/// temporary key with status 1 and gets its final key. A wipe is acknowledged with a
/// Provision carrying `<RemoteWipe><Status>1</Status></RemoteWipe>`.
public struct ProvisioningMachine: Hashable, Sendable {
    public private(set) var provisioning: ProvisionState
    public private(set) var wipe: WipeState

    public init(provisioning: ProvisionState, wipe: WipeState) {
        self.provisioning = provisioning
        self.wipe = wipe
    }

    /// What a Provision response carries.
    public enum Answer: Hashable, Sendable {
        /// Phase 1: send the policy with this temporary key.
        case policy(temporaryKey: UInt32)
        /// Phase 2: the policy is acknowledged; this is the device's key from now on.
        case provisioned(key: UInt32)
        /// A wipe is pending: send RemoteWipe (or AccountOnlyRemoteWipe) instead of a policy.
        case remoteWipe(accountOnly: Bool)
        /// The wipe acknowledgement was recorded; answer Status 1 and refuse the device hereafter.
        case wipeRecorded
        /// The device reported its wipe failed: answer Status 2 and the wipe directive again,
        /// which stays pending (MS-ASPROV 3.2.5.1.2.2).
        case wipeFailed(accountOnly: Bool)
        /// An empty Provision with no wipe pending: a bare Status 1 (MS-ASPROV 3.2.5.1.1).
        case noWipePending
        /// The acknowledgement named a key the device was not given: Policy Status 5 (MS-ASPROV 2.2.2.54.1).
        case wrongKeyAcknowledged
        /// The device reported it cannot apply the policy (status other than 1): provisioning stops here.
        case policyRejected(status: Int)
    }

    /// Phase 1. `newKey` makes a fresh key (never 0, which means "no key"). A device that
    /// cannot take AccountOnlyRemoteWipe (before 16.1) is sent a full RemoteWipe instead.
    public mutating func policyRequested(accountOnlyWipeSupported: Bool, newKey: () -> UInt32) -> Answer {
        if case .requested(let accountOnly, _) = wipe {
            return .remoteWipe(accountOnly: accountOnly && accountOnlyWipeSupported)
        }
        var key = newKey()
        while key == 0 { key = newKey() }
        provisioning = .temporaryKey(key)
        return .policy(temporaryKey: key)
    }

    /// An empty Provision, which a device sends after Status 140 to learn whether it is to be
    /// wiped (MS-ASPROV 3.1.5.1.1): the pending wipe, or nothing.
    public func emptyRequested(accountOnlyWipeSupported: Bool) -> Answer {
        guard case .requested(let accountOnly, _) = wipe else { return .noWipePending }
        return .remoteWipe(accountOnly: accountOnly && accountOnlyWipeSupported)
    }

    /// Phase 2: the device acknowledges `key` with `status` (1 = applied) for the policy of `policyVersion`.
    public mutating func policyAcknowledged(key: UInt32, status: Int, policyVersion: Int64, newKey: () -> UInt32)
        -> Answer
    {
        guard case .temporaryKey(let temporary) = provisioning, temporary == key else { return .wrongKeyAcknowledged }
        guard status == 1 else {
            provisioning = .unprovisioned
            return .policyRejected(status: status)
        }
        var final = newKey()
        while final == 0 || final == temporary { final = newKey() }
        provisioning = .provisioned(key: final, policyVersion: policyVersion)
        return .provisioned(key: final)
    }

    /// The device reports the result of its wipe: `status` 1 is done, anything else failed.
    /// What is recorded is what it was sent: a full wipe when it could not take an
    /// account-only one. A failed wipe stays pending and is sent again.
    public mutating func wipeAcknowledged(status: Int, at date: Date, accountOnlyWipeSupported: Bool) -> Answer {
        guard case .requested(let accountOnly, let requestedAt) = wipe else { return .wrongKeyAcknowledged }
        guard status == 1 else { return .wipeFailed(accountOnly: accountOnly && accountOnlyWipeSupported) }
        wipe = .acknowledged(
            accountOnly: accountOnly && accountOnlyWipeSupported, requestedAt: requestedAt, acknowledgedAt: date)
        provisioning = .unprovisioned
        return .wipeRecorded
    }
}
