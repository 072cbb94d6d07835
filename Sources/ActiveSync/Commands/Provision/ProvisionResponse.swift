public import WBXML

/// A Provision response (MS-ASPROV 2.2.2.44), built from the machine's answer.
public enum ProvisionResponse: Hashable, Sendable {
    /// Phase 1: the policy and its temporary key.
    case policy(ProvisionDocument, temporaryKey: UInt32, deviceInformationStatus: Int?)
    /// Phase 2: the final key.
    case provisioned(key: UInt32)
    /// Instead of the policy: wipe the device (or, on 16.1, only this account). `status` is 1,
    /// or 2 when the device reported a failed wipe and is asked again.
    case remoteWipe(accountOnly: Bool, status: Int = 1)
    /// A bare status: 1 after a wipe acknowledgement, 2 for a protocol error, or a
    /// Policy status such as 5 (wrong key acknowledged) inside `<Policy>`.
    case status(Int, policyStatus: Int?)

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
                            WBXMLElement(SettingsTag.status, text: String(deviceInformationStatus))
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
                    WBXMLElement(ProvisionTag.status, text: String(code)),
                    WBXMLElement(accountOnly ? ProvisionTag.accountOnlyRemoteWipe : ProvisionTag.remoteWipe),
                ])
        case .status(let code, let policyStatus):
            var children = [WBXMLElement(ProvisionTag.status, text: String(code))]
            if let policyStatus {
                children.append(policies([policyType, WBXMLElement(ProvisionTag.status, text: String(policyStatus))]))
            }
            return WBXMLElement(ProvisionTag.provision, elements: children)
        }
    }

    private func policies(_ children: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(ProvisionTag.policies, elements: [WBXMLElement(ProvisionTag.policy, elements: children)])
    }
}
