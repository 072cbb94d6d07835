import ActiveSync
import TernStore

/// The policy gate in front of every command but Provision (MS-ASPROV 3.2.5.1): asks
/// `DeviceAccess` about the device's state and the policy in force, and turns a refusal into
/// the answer the protocol version expects. A held Ping asks again when its device changes.
struct PolicyGate {
    let store: any Store

    /// nil when the request may go on; else the 14.0+ status-only body. Protocol 12.1 gets a
    /// bare HTTP status, thrown as `HTTPRefusal`.
    func refusal(for request: EASRequest) async throws -> EASResponse? {
        let device = request.device
        let policy = try await store.effectivePolicy(for: request.user.id)
        // An autoblock is answered before the gate, with 503 and Retry-After; here only an
        // admin's block counts.
        let access = DeviceAccess(
            provisioning: device.provisioning, wipe: device.wipe, isBlocked: device.isBlocked,
            currentPolicyVersion: policy.version)
        switch access.decide(policyKey: request.policyKey) {
        case .allow:
            return nil
        case .refuse(let status, let legacyHTTPStatus):
            guard request.protocolVersion >= .v14_0, let root = StatusOnlyResponse.root(for: request.line.command)
            else {
                throw HTTPRefusal(status: legacyHTTPStatus)
            }
            return .document(StatusOnlyResponse.element(root: root, status: status))
        }
    }

    /// The gate's answer for a held request whose device or policy changed: the device as it
    /// is now, or nil when it may still go on.
    func refusalAfterChange(of request: EASRequest) async throws -> EASResponse? {
        var current = request
        if let device = try await store.device(of: request.user.id, deviceID: request.device.deviceID) {
            current.device = device
        }
        return try await refusal(for: current)
    }
}
