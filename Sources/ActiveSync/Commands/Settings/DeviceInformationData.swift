public import WBXML

/// A DeviceInformation Set (MS-ASCMD 2.2.3.45), sent in Settings or, from 14.1 on, in the
/// first Provision request. A field the device leaves out is nil; an empty element is "".
///
/// ```xml
/// <DeviceInformation xmlns="Settings:"><Set>
///   <Model>iPhone15,2</Model><OS>iOS 17.2</OS><UserAgent>Apple-iPhone15C2/2102.1</UserAgent>
/// </Set></DeviceInformation>
/// ```
public struct DeviceInformationData: Hashable, Sendable, Codable {
    public var model: String?
    public var imei: String?
    public var friendlyName: String?
    public var operatingSystem: String?
    public var operatingSystemLanguage: String?
    public var phoneNumber: String?
    public var mobileOperator: String?
    public var userAgent: String?

    public init(
        model: String? = nil, imei: String? = nil, friendlyName: String? = nil, operatingSystem: String? = nil,
        operatingSystemLanguage: String? = nil, phoneNumber: String? = nil, mobileOperator: String? = nil,
        userAgent: String? = nil
    ) {
        self.model = model
        self.imei = imei
        self.friendlyName = friendlyName
        self.operatingSystem = operatingSystem
        self.operatingSystemLanguage = operatingSystemLanguage
        self.phoneNumber = phoneNumber
        self.mobileOperator = mobileOperator
        self.userAgent = userAgent
    }

    private static var fields: [(tag: WBXMLTag, path: WritableKeyPath<DeviceInformationData, String?>)] {
        [
            (SettingsTag.model, \.model), (SettingsTag.imei, \.imei), (SettingsTag.friendlyName, \.friendlyName),
            (SettingsTag.os, \.operatingSystem), (SettingsTag.osLanguage, \.operatingSystemLanguage),
            (SettingsTag.phoneNumber, \.phoneNumber), (SettingsTag.mobileOperator, \.mobileOperator),
            (SettingsTag.userAgent, \.userAgent),
        ]
    }

    /// Every field, in the order the Set lists them, for code that treats them alike.
    public static var fieldPaths: [WritableKeyPath<DeviceInformationData, String?>] { fields.map(\.path) }

    /// Reads the children of `Set`; elements it does not know (EnableOutboundSMS) are skipped.
    public init(set: WBXMLElement) {
        for field in set.elements {
            guard let path = Self.fields.first(where: { $0.tag == field.tag })?.path else { continue }
            self[keyPath: path] = field.text ?? ""
        }
    }

    /// `<DeviceInformation><Set>…</Set></DeviceInformation>` with the fields that are set.
    public var element: WBXMLElement {
        let children = Self.fields.compactMap { field in
            self[keyPath: field.path].map { WBXMLElement(field.tag, text: $0) }
        }
        return WBXMLElement(
            SettingsTag.deviceInformation, elements: [WBXMLElement(SettingsTag.set, elements: children)])
    }
}
