public import WBXML

/// A Provision request (MS-ASPROV 2.2.2.44): which of the three kinds it is.
///
/// ```xml
/// <Provision xmlns="Provision:"><Policies><Policy>
///   <PolicyType>MS-EAS-Provisioning-WBXML</PolicyType>
///   <PolicyKey>1307199584</PolicyKey><Status>1</Status>   <!-- phase 2 only -->
/// </Policy></Policies></Provision>
/// ```
public enum ProvisionRequest: Hashable, Sendable {
    /// Phase 1: the device asks for the policy (it may send DeviceInformation too).
    case policyRequest(policyType: String, deviceInformation: WBXMLElement?)
    /// Phase 2: the device acknowledges the temporary key with a status (1 = applied).
    case acknowledgement(policyType: String, policyKey: UInt32, status: Int)
    /// The device reports the result of a remote wipe (`accountOnly` for AccountOnlyRemoteWipe).
    case wipeAcknowledgement(status: Int, accountOnly: Bool)
    /// An empty `<Provision/>`: after Status 140 the device asks whether it is to be wiped
    /// (MS-ASPROV 3.1.5.1.1).
    case wipeQuery

    /// The only policy type of protocol 12.1 and later.
    public static let wbxmlPolicyType = "MS-EAS-Provisioning-WBXML"

    /// Reads a request; nil when it has none of the three shapes (answer Status 2, protocol error).
    public init?(_ root: WBXMLElement) {
        guard root.tag == ProvisionTag.provision else { return nil }
        if root.children.isEmpty {
            self = .wipeQuery
            return
        }
        for wipeTag in [ProvisionTag.remoteWipe, ProvisionTag.accountOnlyRemoteWipe] {
            if let wipe = root.firstElement(wipeTag),
                let status = wipe.firstElement(ProvisionTag.status)?.text.flatMap({ Int($0) })
            {
                self = .wipeAcknowledgement(status: status, accountOnly: wipeTag == ProvisionTag.accountOnlyRemoteWipe)
                return
            }
        }
        guard let policy = root.firstElement(ProvisionTag.policies)?.firstElement(ProvisionTag.policy),
            let policyType = policy.firstElement(ProvisionTag.policyType)?.text
        else { return nil }
        if let keyText = policy.firstElement(ProvisionTag.policyKey)?.text {
            guard let key = UInt32(keyText),
                let status = policy.firstElement(ProvisionTag.status)?.text.flatMap({ Int($0) })
            else {
                return nil
            }
            self = .acknowledgement(policyType: policyType, policyKey: key, status: status)
        } else {
            self = .policyRequest(
                policyType: policyType, deviceInformation: root.firstElement(SettingsTag.deviceInformation))
        }
    }
}
