import ActiveSync
import Foundation
import WBXML

extension DeviceSession {
    /// Both phases of Provision (MS-ASPROV 3.1.5.1): ask for the policy, keep its settings,
    /// and, if the device complies, acknowledge the temporary key and keep the final one.
    /// When the server answers with RemoteWipe instead, the local data is erased, the wipe
    /// acknowledged and `.wiped` thrown.
    ///
    /// The device complies when the policy asks for no PIN (DevicePasswordEnabled 0), or a PIN
    /// that meets its rules is set. Otherwise nothing is acknowledged: the policy is kept
    /// without a key and `.pinRequired` says to run `pin set`, after which the next command
    /// provisions again.
    public func provision() async throws {
        let policyType = ProvisionRequest.wbxmlPolicyType
        let request = ProvisionRequest.policyRequest(policyType: policyType, deviceInformation: deviceInformation)
        switch try await provisionExchange(request, policyKey: 0) {
        case .policy(let document, let temporaryKey, _):
            try save { record in
                record.policy = document.settings.map { PolicySetting(name: $0.name, value: $0.value) }
                record.policyKey = nil
            }
            if let problem = complianceProblem() { throw ClientError(.pinRequired, problem) }
            let acknowledgement = ProvisionRequest.acknowledgement(
                policyType: policyType, policyKey: temporaryKey, status: 1)
            guard case .provisioned(let key) = try await provisionExchange(acknowledgement, policyKey: temporaryKey)
            else {
                throw ClientError(.policy, "the server did not accept the acknowledged policy")
            }
            try save { record in
                record.policyKey = key
                record.provisionedAt = Date()
            }
        case .remoteWipe(let accountOnly, _):
            try await obeyRemoteWipe(accountOnly: accountOnly)
        case .status(let status, let policyStatus):
            throw ClientError(
                .policy,
                "the server refused to provision this device (Status \(status.rawValue)\(policyStatus.map { ", policy Status \($0.rawValue)" } ?? ""))"
            )
        case .provisioned:
            throw ClientError(.server, "the server sent a final policy key without a policy")
        }
    }

    /// After Status 140: asks with an empty Provision, as MS-ASPROV 3.1.5.1.1 says a device
    /// should, and obeys the wipe the server answers with; returns when it sends none.
    func receivePendingWipe() async throws {
        if case .remoteWipe(let accountOnly, _) = try await provisionExchange(.wipeQuery, policyKey: 0) {
            try await obeyRemoteWipe(accountOnly: accountOnly)
        }
    }

    /// Why the device cannot acknowledge the policy it keeps; nil when it can.
    private func complianceProblem() -> String? {
        let rules = profile.record.pinPolicy
        guard rules.required else { return nil }
        guard let protected = profile.record.pinProtection else {
            return
                "the server's policy requires a device PIN (\(rules.summary)): run `tern-device pin set`, then any command provisions"
        }
        guard let violation = rules.violation(of: protected.quality) else { return nil }
        return "the server's policy changed and the PIN no longer meets it (\(violation)): run `tern-device pin set`"
    }

    /// Erases what the wipe covers (the whole device's local data, or for AccountOnlyRemoteWipe
    /// the account's; see `WipeReason`), tells the server the wipe is done (MS-ASPROV
    /// 3.1.5.1.2.2 and 3.1.5.1.2.3), and leaves a profile that holds neither password nor
    /// policy key, only the time and kind of the wipe.
    func obeyRemoteWipe(accountOnly: Bool) async throws -> Never {
        let reason: WipeReason = accountOnly ? .accountOnly : .remote
        try cache.close()
        try profile.eraseLocalData(reason)
        _ = try? await provisionExchange(.wipeAcknowledgement(status: 1, accountOnly: accountOnly), policyKey: 0)
        throw ClientError(.wiped, reason.explanation)
    }

    private func provisionExchange(_ request: ProvisionRequest, policyKey: UInt32) async throws -> ProvisionResponse {
        guard let root = try await send(.provision, request.element, policyKey: policyKey),
            let response = ProvisionResponse(root)
        else {
            throw ClientError(.server, "the server's Provision response is not one")
        }
        return response
    }

    /// `Settings:DeviceInformation` for 14.1 and later (MS-ASPROV 2.2.2.52), which the server
    /// shows in its device list.
    private var deviceInformation: DeviceInformationData? {
        guard profile.record.version >= .v14_1 else { return nil }
        return DeviceInformationData(
            model: "tern-device", friendlyName: "tern-device", operatingSystem: "Linux",
            userAgent: EASTransport.userAgent)
    }
}
