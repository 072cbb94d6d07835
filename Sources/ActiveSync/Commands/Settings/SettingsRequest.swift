public import WBXML

/// A Settings request (MS-ASCMD 2.2.1.18): property requests, answered in order.
///
/// ```xml
/// <Settings xmlns="Settings:">
///   <Oof><Get><BodyType>Text</BodyType></Get></Oof>
///   <UserInformation><Get/></UserInformation>
/// </Settings>
/// ```
public struct SettingsRequest: DecodableRequest, Hashable {
    public static let rootTag = SettingsTag.settings
    public static let malformedStatus = SettingsStatus.protocolError

    /// One property request.
    public enum Property: Hashable, Sendable {
        case getOutOfOffice
        case setOutOfOffice(OutOfOfficeData)
        case setDeviceInformation(DeviceInformationData)
        case getUserInformation
        /// The recovery password of DevicePassword Set; nil for an empty Password, which that
        /// property alone answers with Status 2.
        case setDevicePassword(String?)
        /// A property Tern does not serve (RightsManagementInformation): answered Status 2.
        case unsupported(WBXMLTag)
    }

    public var properties: [Property]

    public init(properties: [Property]) { self.properties = properties }

    /// Status 2, and no property answered, when the body is empty or one property request is
    /// incomplete: an empty Set, an Oof with neither Get nor Set, a DeviceInformation without
    /// Set, a UserInformation without Get, a DevicePassword Set without its Password.
    public init(_ root: WBXMLElement) throws(RequestDecodingError<SettingsStatus>) {
        try Self.requireRoot(root)
        guard !root.elements.isEmpty else { throw Self.malformed("no property") }
        properties = []
        for part in root.elements {
            properties.append(try Self.property(part))
        }
    }

    private static func property(_ part: WBXMLElement) throws(RequestDecodingError<SettingsStatus>) -> Property {
        let set = part.firstElement(SettingsTag.set)
        if let set, set.elements.isEmpty { throw malformed("an empty Set in \(part.tag)") }
        let hasGet = part.firstElement(SettingsTag.get) != nil
        switch part.tag {
        case SettingsTag.oof:
            if hasGet { return .getOutOfOffice }
            guard let set else { throw malformed("an Oof with neither Get nor Set") }
            return .setOutOfOffice(OutOfOfficeData(set: set))
        case SettingsTag.deviceInformation:
            guard let set else { throw malformed("a DeviceInformation without Set") }
            return .setDeviceInformation(DeviceInformationData(set: set))
        case SettingsTag.userInformation:
            guard hasGet else { throw malformed("a UserInformation without Get") }
            return .getUserInformation
        case SettingsTag.devicePassword:
            guard let password = set?.firstElement(SettingsTag.password) else {
                throw malformed("a DevicePassword without Set/Password")
            }
            return .setDevicePassword(password.text)
        default:
            return .unsupported(part.tag)
        }
    }
}
