import WBXML

/// What a UserInformation Get answers (MS-ASCMD 2.2.3.190): the user's addresses, and from 14.1
/// on the display name and primary address under Accounts/Account.
public struct UserInformationData: Hashable, Sendable {
    public var displayName: String
    /// The first is the primary address.
    public var addresses: [String]

    public init(displayName: String, addresses: [String]) {
        self.displayName = displayName
        self.addresses = addresses
    }

    /// The `Get` element as `version` has it (MS-ASCMD 2.2.3.57).
    func getElement(version: ProtocolVersion) -> WBXMLElement {
        var addressElements = addresses.map { WBXMLElement(SettingsTag.smtpAddress, text: $0) }
        guard version >= .v14_1 else {
            return WBXMLElement(
                SettingsTag.get, elements: [WBXMLElement(SettingsTag.emailAddresses, elements: addressElements)])
        }
        if let primary = addresses.first {
            addressElements.append(WBXMLElement(SettingsTag.primarySmtpAddress, text: primary))
        }
        let account = WBXMLElement(
            SettingsTag.account,
            elements: [
                WBXMLElement(SettingsTag.userDisplayName, text: displayName),
                WBXMLElement(SettingsTag.emailAddresses, elements: addressElements),
            ])
        return WBXMLElement(
            SettingsTag.get, elements: [WBXMLElement(SettingsTag.accounts, elements: [account])])
    }
}
