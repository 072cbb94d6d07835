import ActiveSync
import Foundation
import TernStore
import WBXML

/// Provision (MS-ASPROV): runs the `ProvisioningMachine` and stores the device's new state.
/// A body that is none of the four requests (policy, acknowledgement, wipe acknowledgement,
/// the empty wipe query) is refused by its decoder (Status 2); an unknown PolicyType is Policy Status 3.
struct ProvisionHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let provision = try request.decodedBody(as: ProvisionRequest.self)
        var device = request.device
        var machine = ProvisioningMachine(provisioning: device.provisioning, wipe: device.wipe)
        let policy = try await store.effectivePolicy(for: request.user.id)
        let newKey = { UInt32.random(in: 1...UInt32.max) }
        let accountOnlyWipeSupported = request.protocolVersion >= .v16_1
        let response: ProvisionResponse
        switch provision {
        case .policyRequest(let policyType, let information):
            guard policyType == ProvisionRequest.wbxmlPolicyType else {
                return .document(ProvisionResponse.status(.success, policyStatus: .unknownPolicyType).element)
            }
            if let information { device.information.apply(information) }
            switch machine.policyRequested(accountOnlyWipeSupported: accountOnlyWipeSupported, newKey: newKey) {
            case .policy(let key):
                response = .policy(
                    policy.policy.provisionDocument, temporaryKey: key,
                    deviceInformationStatus: information == nil ? nil : .success)
            case .remoteWipe(let accountOnly):
                response = .remoteWipe(accountOnly: accountOnly)
            default:
                response = .status(.protocolError, policyStatus: nil)
            }
        case .wipeQuery:
            switch machine.emptyRequested(accountOnlyWipeSupported: accountOnlyWipeSupported) {
            case .remoteWipe(let accountOnly): response = .remoteWipe(accountOnly: accountOnly)
            default: response = .status(.success, policyStatus: nil)
            }
        case .acknowledgement(_, let key, let status):
            switch machine.policyAcknowledged(key: key, status: status, policyVersion: policy.version, newKey: newKey) {
            case .provisioned(let final): response = .provisioned(key: final)
            // MS-ASPROV 3.1.5.2: 139, the device cannot comply; 12.1 has no such status.
            case .policyRejected:
                response =
                    request.protocolVersion >= .v14_0
                    ? .status(ProvisionStatus(.deviceNotFullyProvisionable), policyStatus: nil)
                    : .status(.success, policyStatus: .success)
            default: response = .status(.success, policyStatus: .wrongPolicyKey)
            }
        case .wipeAcknowledgement(let status, _):
            switch machine.wipeAcknowledged(
                status: status, at: Date(), accountOnlyWipeSupported: accountOnlyWipeSupported)
            {
            case .wipeRecorded:
                device.wipeFailedAt = nil
                response = .status(.success, policyStatus: nil)
            case .wipeFailed(let accountOnly):
                device.wipeFailedAt = Date()
                response = .remoteWipe(accountOnly: accountOnly, status: .protocolError)
            default: response = .status(.protocolError, policyStatus: nil)
            }
        }
        device.provisioning = machine.provisioning
        device.wipe = machine.wipe
        _ = try await store.saveDevice(device)
        return .document(response.element)
    }
}

extension DevicePolicy {
    /// The EASProvisionDoc for this policy: the settings `tern policy` manages, plus the
    /// ones MS-ASPROV expects present, with EAS's values for "no limit" left out.
    var provisionDocument: ProvisionDocument {
        ProvisionDocument(
            settings: settings.filter { $0.value != "none" } + [
                (name: "RequireStorageCardEncryption", value: requireDeviceEncryption ? "1" : "0"),
                (name: "PasswordRecoveryEnabled", value: "0"),
            ])
    }
}
