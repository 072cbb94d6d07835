public import WBXML

/// A Settings response (MS-ASCMD 2.2.1.18): the command's Status, then one answer per property
/// request in the order asked.
public struct SettingsResponse: Hashable, Sendable {
    /// The answer to one property request.
    public enum Property: Hashable, Sendable {
        /// Oof Get, Status 1.
        case outOfOffice(OutOfOfficeData)
        /// UserInformation Get, Status 1.
        case userInformation(UserInformationData)
        case outOfOfficeSet(SettingsStatus)
        case deviceInformationSet(SettingsStatus)
        case devicePasswordSet(SettingsStatus)
        /// A property Tern does not serve, in its own element: Status 2.
        case unsupported(WBXMLTag)
    }

    public var status: SettingsStatus
    public var properties: [Property]

    public init(status: SettingsStatus = .success, properties: [Property]) {
        self.status = status
        self.properties = properties
    }

    /// The response as a device of `version` reads it (UserInformation's shape depends on it).
    public func element(version: ProtocolVersion) -> WBXMLElement {
        WBXMLElement(
            SettingsTag.settings,
            elements: [WBXMLElement(SettingsTag.status, text: status.text)]
                + properties.map { Self.element($0, version: version) })
    }

    private static func element(_ property: Property, version: ProtocolVersion) -> WBXMLElement {
        let success = WBXMLElement(SettingsTag.status, text: SettingsStatus.success.text)
        switch property {
        case .outOfOffice(let settings):
            return WBXMLElement(SettingsTag.oof, elements: [success, settings.getElement])
        case .userInformation(let information):
            return WBXMLElement(
                SettingsTag.userInformation, elements: [success, information.getElement(version: version)])
        case .outOfOfficeSet(let status): return statusElement(SettingsTag.oof, status)
        case .deviceInformationSet(let status): return statusElement(SettingsTag.deviceInformation, status)
        case .devicePasswordSet(let status): return statusElement(SettingsTag.devicePassword, status)
        case .unsupported(let tag): return statusElement(tag, .protocolError)
        }
    }

    private static func statusElement(_ tag: WBXMLTag, _ status: SettingsStatus) -> WBXMLElement {
        WBXMLElement(tag, elements: [WBXMLElement(SettingsTag.status, text: status.text)])
    }
}
