public import WBXML

extension ProvisionResponse {
    /// Reads a server's Provision response (MS-ASPROV 2.2.2.44), as a device does; nil when
    /// the root is not Provision or has no top-level Status.
    ///
    /// RemoteWipe or AccountOnlyRemoteWipe wins over anything else. A Policy with Status 1 and
    /// a PolicyKey is the temporary key with the EASProvisionDoc (phase 1) or, without `Data`,
    /// the final key (phase 2); every other shape is a bare status.
    public init?(_ root: WBXMLElement) {
        guard root.tag == ProvisionTag.provision,
            let status = ProvisionStatus(text: root.firstElement(ProvisionTag.status)?.text)
        else { return nil }
        if root.firstElement(ProvisionTag.remoteWipe) != nil {
            self = .remoteWipe(accountOnly: false, status: status)
            return
        }
        if root.firstElement(ProvisionTag.accountOnlyRemoteWipe) != nil {
            self = .remoteWipe(accountOnly: true, status: status)
            return
        }
        let policy = root.firstElement(ProvisionTag.policies)?.firstElement(ProvisionTag.policy)
        let policyStatus = PolicyStatus(text: policy?.firstElement(ProvisionTag.status)?.text)
        guard status == .success, policyStatus == .success, let policy,
            let key = policy.firstElement(ProvisionTag.policyKey)?.text.flatMap({ UInt32($0) })
        else {
            self = .status(status, policyStatus: policyStatus)
            return
        }
        guard let document = policy.firstElement(ProvisionTag.data)?.firstElement(ProvisionTag.easProvisionDoc) else {
            self = .provisioned(key: key)
            return
        }
        let informationStatus = SettingsStatus(
            text: root.firstElement(SettingsTag.deviceInformation)?.firstElement(SettingsTag.status)?.text)
        // Settings that hold lists (ApprovedApplicationList) have no text; they read as "".
        let settings = document.elements.map { (name: $0.tag.name, value: $0.text ?? "") }
        self = .policy(
            ProvisionDocument(settings: settings), temporaryKey: key, deviceInformationStatus: informationStatus)
    }
}
