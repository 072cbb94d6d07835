import MIME
import TernStore
import WBXML

extension DeviceInformation {
    /// The longest DeviceInformation value kept, in characters.
    static let maxFieldLength = 256

    /// Takes the fields of a DeviceInformation Set (MS-ASCMD 2.2.3.45), from Settings or from
    /// a 14.1+ Provision request; fields it leaves out keep their value. A value is kept
    /// without control characters and to `maxFieldLength` characters: it is shown to admins
    /// in a terminal and a browser.
    mutating func apply(_ set: WBXMLElement) {
        for field in set.elements {
            let value = field.text.map { String($0.withoutUnsendableCharacters.prefix(Self.maxFieldLength)) }
            switch field.tag.name {
            case "Model": model = value
            case "IMEI": imei = value
            case "FriendlyName": friendlyName = value
            case "OS": operatingSystem = value
            case "OSLanguage": operatingSystemLanguage = value
            case "PhoneNumber": phoneNumber = value
            case "MobileOperator": mobileOperator = value
            case "UserAgent": userAgent = value
            default: continue
            }
        }
    }
}
