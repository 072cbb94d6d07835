public import WBXML

/// A Provision request (MS-ASPROV 2.2.2.44): which of the three kinds it is.
///
/// ```xml
/// <Provision xmlns="Provision:"><Policies><Policy>
///   <PolicyType>MS-EAS-Provisioning-WBXML</PolicyType>
///   <PolicyKey>1307199584</PolicyKey><Status>1</Status>   <!-- phase 2 only -->
/// </Policy></Policies></Provision>
/// ```
public enum ProvisionRequest: DecodableRequest, Hashable {
    /// Phase 1: the device asks for the policy (it may send DeviceInformation too).
    case policyRequest(policyType: String, deviceInformation: DeviceInformationData?)
    /// Phase 2: the device acknowledges the temporary key with a status (1 = applied).
    case acknowledgement(policyType: String, policyKey: UInt32, status: Int)
    /// The device reports the result of a remote wipe (`accountOnly` for AccountOnlyRemoteWipe).
    case wipeAcknowledgement(status: Int, accountOnly: Bool)
    /// An empty `<Provision/>`: after Status 140 the device asks whether it is to be wiped
    /// (MS-ASPROV 3.1.5.1.1).
    case wipeQuery

    /// The only policy type of protocol 12.1 and later.
    public static let wbxmlPolicyType = "MS-EAS-Provisioning-WBXML"
    public static let rootTag = ProvisionTag.provision
    public static let malformedStatus = ProvisionStatus.protocolError

    /// Reads a request; Status 2 when it has none of the four shapes.
    public init(_ root: WBXMLElement) throws(RequestDecodingError<ProvisionStatus>) {
        try Self.requireRoot(root)
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
        else { throw Self.malformed("neither a wipe acknowledgement nor a Policy with its PolicyType") }
        if let keyText = policy.firstElement(ProvisionTag.policyKey)?.text {
            guard let key = UInt32(keyText),
                let status = policy.firstElement(ProvisionTag.status)?.text.flatMap({ Int($0) })
            else {
                throw Self.malformed("an acknowledgement whose PolicyKey or Status is not a number")
            }
            self = .acknowledgement(policyType: policyType, policyKey: key, status: status)
        } else {
            self = .policyRequest(
                policyType: policyType,
                deviceInformation: root.firstElement(SettingsTag.deviceInformation).map { information in
                    information.firstElement(SettingsTag.set).map(DeviceInformationData.init(set:))
                        ?? DeviceInformationData()
                })
        }
    }
}
