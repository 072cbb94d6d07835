public import WBXML

/// A Provision response (MS-ASPROV 2.2.2.44), built from the machine's answer.
public enum ProvisionResponse: Hashable, Sendable {
    /// Phase 1: the policy and its temporary key.
    case policy(ProvisionDocument, temporaryKey: UInt32, deviceInformationStatus: SettingsStatus?)
    /// Phase 2: the final key.
    case provisioned(key: UInt32)
    /// Instead of the policy: wipe the device (or, on 16.1, only this account). `status` is
    /// success, or a protocol error when the device reported a failed wipe and is asked again.
    case remoteWipe(accountOnly: Bool, status: ProvisionStatus = .success)
    /// A bare status: success after a wipe acknowledgement, a protocol error, or a Policy
    /// status such as `wrongPolicyKey` inside `<Policy>`.
    case status(ProvisionStatus, policyStatus: PolicyStatus?)

    public var element: WBXMLElement {
        let status = WBXMLElement(ProvisionTag.status, text: "1")
        let policyType = WBXMLElement(ProvisionTag.policyType, text: ProvisionRequest.wbxmlPolicyType)
        switch self {
        case .policy(let document, let key, let deviceInformationStatus):
            var children: [WBXMLElement] = []
            if let deviceInformationStatus {
                children.append(
                    WBXMLElement(
                        SettingsTag.deviceInformation,
                        elements: [
                            WBXMLElement(SettingsTag.status, text: deviceInformationStatus.text)
                        ]))
            }
            children.append(status)
            children.append(
                policies([
                    policyType, WBXMLElement(ProvisionTag.status, text: "1"),
                    WBXMLElement(ProvisionTag.policyKey, text: String(key)),
                    WBXMLElement(ProvisionTag.data, elements: [document.element]),
                ]))
            return WBXMLElement(ProvisionTag.provision, elements: children)
        case .provisioned(let key):
            return WBXMLElement(
                ProvisionTag.provision,
                elements: [
                    status,
                    policies([
                        policyType, WBXMLElement(ProvisionTag.status, text: "1"),
                        WBXMLElement(ProvisionTag.policyKey, text: String(key)),
                    ]),
                ])
        case .remoteWipe(let accountOnly, let code):
            return WBXMLElement(
                ProvisionTag.provision,
                elements: [
                    WBXMLElement(ProvisionTag.status, text: code.text),
                    WBXMLElement(accountOnly ? ProvisionTag.accountOnlyRemoteWipe : ProvisionTag.remoteWipe),
                ])
        case .status(let code, let policyStatus):
            var children = [WBXMLElement(ProvisionTag.status, text: code.text)]
            if let policyStatus {
                children.append(policies([policyType, WBXMLElement(ProvisionTag.status, text: policyStatus.text)]))
            }
            return WBXMLElement(ProvisionTag.provision, elements: children)
        }
    }

    private func policies(_ children: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(ProvisionTag.policies, elements: [WBXMLElement(ProvisionTag.policy, elements: children)])
    }
}
