public import WBXML

extension ProvisionRequest {
    /// The request as a device writes it (MS-ASPROV 2.2.2.44). Phase 1, with the optional
    /// `Settings:DeviceInformation` first:
    ///
    /// ```xml
    /// <Provision xmlns="Provision:"><Policies><Policy>
    ///   <PolicyType>MS-EAS-Provisioning-WBXML</PolicyType>
    /// </Policy></Policies></Provision>
    /// ```
    ///
    /// phase 2 adds `PolicyKey` (the temporary key) and `Status`; a wipe acknowledgement is
    /// `<Provision><RemoteWipe><Status>1</Status></RemoteWipe></Provision>`, and the question
    /// after Status 140 an empty `<Provision/>`.
    public var element: WBXMLElement {
        switch self {
        case .policyRequest(let policyType, let deviceInformation):
            let policy = ProvisionTag.policies([WBXMLElement(ProvisionTag.policyType, text: policyType)])
            return WBXMLElement(
                ProvisionTag.provision, elements: (deviceInformation.map { [$0.element] } ?? []) + [policy])
        case .acknowledgement(let policyType, let policyKey, let status):
            return WBXMLElement(
                ProvisionTag.provision,
                elements: [
                    ProvisionTag.policies([
                        WBXMLElement(ProvisionTag.policyType, text: policyType),
                        WBXMLElement(ProvisionTag.policyKey, text: String(policyKey)),
                        WBXMLElement(ProvisionTag.status, text: String(status)),
                    ])
                ])
        case .wipeQuery:
            return WBXMLElement(ProvisionTag.provision)
        case .wipeAcknowledgement(let status, let accountOnly):
            let wipe = accountOnly ? ProvisionTag.accountOnlyRemoteWipe : ProvisionTag.remoteWipe
            return WBXMLElement(
                ProvisionTag.provision,
                elements: [
                    WBXMLElement(wipe, elements: [WBXMLElement(ProvisionTag.status, text: String(status))])
                ])
        }
    }
}

extension ProvisionTag {
    /// `<Policies><Policy>children</Policy></Policies>`, the one policy every request and answer carries.
    static func policies(_ children: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(policies, elements: [WBXMLElement(policy, elements: children)])
    }
}
