import ActiveSync
import Foundation
import WBXML

extension DeviceSession {
    /// Both phases of Provision (MS-ASPROV 3.1.5.1): ask for the policy, keep its settings,
    /// acknowledge the temporary key and keep the final one. When the server answers with
    /// RemoteWipe instead, the local data is erased, the wipe acknowledged and `.wiped` thrown.
    public func provision() async throws {
        let policyType = ProvisionRequest.wbxmlPolicyType
        let request = ProvisionRequest.policyRequest(policyType: policyType, deviceInformation: deviceInformation)
        switch try await provisionExchange(request, policyKey: 0) {
        case .policy(let document, let temporaryKey, _):
            let acknowledgement = ProvisionRequest.acknowledgement(policyType: policyType, policyKey: temporaryKey, status: 1)
            guard case .provisioned(let key) = try await provisionExchange(acknowledgement, policyKey: temporaryKey) else {
                throw ClientError(.policy, "the server did not accept the acknowledged policy")
            }
            try save { record in
                record.policy = document.settings.map { PolicySetting(name: $0.name, value: $0.value) }
                record.policyKey = key
                record.provisionedAt = Date()
            }
        case .remoteWipe(let accountOnly):
            try await obeyRemoteWipe(accountOnly: accountOnly)
        case .status(let status, let policyStatus):
            throw ClientError(.policy, "the server refused to provision this device (Status \(status)\(policyStatus.map { ", policy Status \($0)" } ?? ""))")
        case .provisioned:
            throw ClientError(.server, "the server sent a final policy key without a policy")
        }
    }

    /// Erases the cache, tells the server the wipe is done (MS-ASPROV 3.1.5.1.2), and leaves a
    /// profile that holds neither password nor policy key, only the time of the wipe.
    func obeyRemoteWipe(accountOnly: Bool) async throws -> Never {
        try cache.close()
        try profile.removeCache()
        _ = try? await provisionExchange(.wipeAcknowledgement(status: 1, accountOnly: accountOnly), policyKey: 0)
        try save { record in
            record.password = nil
            record.policyKey = nil
            record.policy = []
            record.wipedAt = Date()
        }
        throw ClientError(.wiped, "the server ordered a remote wipe: this device's local data is erased")
    }

    private func provisionExchange(_ request: ProvisionRequest, policyKey: UInt32) async throws -> ProvisionResponse {
        guard let root = try await send(.provision, request.element, policyKey: policyKey), let response = ProvisionResponse(root) else {
            throw ClientError(.server, "the server's Provision response is not one")
        }
        return response
    }

    /// `Settings:DeviceInformation` for 14.1 and later (MS-ASPROV 2.2.2.52), which the server
    /// shows in its device list.
    private var deviceInformation: WBXMLElement? {
        guard profile.record.version >= .v14_1 else { return nil }
        let fields = [("Model", "tern-device"), ("FriendlyName", "tern-device"), ("OS", "Linux"), ("UserAgent", EASTransport.userAgent)]
        return WBXMLElement(WBXMLTag("Settings", "DeviceInformation"), elements: [
            WBXMLElement(WBXMLTag("Settings", "Set"), elements: fields.map { WBXMLElement(WBXMLTag("Settings", $0.0), text: $0.1) }),
        ])
    }
}
