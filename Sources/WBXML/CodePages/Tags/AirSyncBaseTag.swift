// Written from `CodePage.airSyncBase` by TagConstantTests; do not edit by hand.

/// The tags of code page 17, AirSyncBase, as constants: a misspelt tag does not compile.
public enum AirSyncBaseTag {
    /// `AirSyncBase:BodyPreference`
    public static let bodyPreference = WBXMLTag(known: 17, 0x05)
    /// `AirSyncBase:Type`
    public static let type = WBXMLTag(known: 17, 0x06)
    /// `AirSyncBase:TruncationSize`
    public static let truncationSize = WBXMLTag(known: 17, 0x07)
    /// `AirSyncBase:AllOrNone`
    public static let allOrNone = WBXMLTag(known: 17, 0x08)
    /// `AirSyncBase:Body`
    public static let body = WBXMLTag(known: 17, 0x0A)
    /// `AirSyncBase:Data`
    public static let data = WBXMLTag(known: 17, 0x0B)
    /// `AirSyncBase:EstimatedDataSize`
    public static let estimatedDataSize = WBXMLTag(known: 17, 0x0C)
    /// `AirSyncBase:Truncated`
    public static let truncated = WBXMLTag(known: 17, 0x0D)
    /// `AirSyncBase:Attachments`
    public static let attachments = WBXMLTag(known: 17, 0x0E)
    /// `AirSyncBase:Attachment`
    public static let attachment = WBXMLTag(known: 17, 0x0F)
    /// `AirSyncBase:DisplayName`
    public static let displayName = WBXMLTag(known: 17, 0x10)
    /// `AirSyncBase:FileReference`
    public static let fileReference = WBXMLTag(known: 17, 0x11)
    /// `AirSyncBase:Method`
    public static let method = WBXMLTag(known: 17, 0x12)
    /// `AirSyncBase:ContentId`
    public static let contentId = WBXMLTag(known: 17, 0x13)
    /// `AirSyncBase:ContentLocation`
    public static let contentLocation = WBXMLTag(known: 17, 0x14)
    /// `AirSyncBase:IsInline`
    public static let isInline = WBXMLTag(known: 17, 0x15)
    /// `AirSyncBase:NativeBodyType`
    public static let nativeBodyType = WBXMLTag(known: 17, 0x16)
    /// `AirSyncBase:ContentType`
    public static let contentType = WBXMLTag(known: 17, 0x17)
    /// `AirSyncBase:Preview`
    public static let preview = WBXMLTag(known: 17, 0x18)
    /// `AirSyncBase:BodyPartPreference`
    public static let bodyPartPreference = WBXMLTag(known: 17, 0x19)
    /// `AirSyncBase:BodyPart`
    public static let bodyPart = WBXMLTag(known: 17, 0x1A)
    /// `AirSyncBase:Status`
    public static let status = WBXMLTag(known: 17, 0x1B)
    /// `AirSyncBase:Add`
    public static let add = WBXMLTag(known: 17, 0x1C)
    /// `AirSyncBase:Delete`
    public static let delete = WBXMLTag(known: 17, 0x1D)
    /// `AirSyncBase:ClientId`
    public static let clientId = WBXMLTag(known: 17, 0x1E)
    /// `AirSyncBase:Content`
    public static let content = WBXMLTag(known: 17, 0x1F)
    /// `AirSyncBase:Location`
    public static let location = WBXMLTag(known: 17, 0x20)
    /// `AirSyncBase:Annotation`
    public static let annotation = WBXMLTag(known: 17, 0x21)
    /// `AirSyncBase:Street`
    public static let street = WBXMLTag(known: 17, 0x22)
    /// `AirSyncBase:City`
    public static let city = WBXMLTag(known: 17, 0x23)
    /// `AirSyncBase:State`
    public static let state = WBXMLTag(known: 17, 0x24)
    /// `AirSyncBase:Country`
    public static let country = WBXMLTag(known: 17, 0x25)
    /// `AirSyncBase:PostalCode`
    public static let postalCode = WBXMLTag(known: 17, 0x26)
    /// `AirSyncBase:Latitude`
    public static let latitude = WBXMLTag(known: 17, 0x27)
    /// `AirSyncBase:Longitude`
    public static let longitude = WBXMLTag(known: 17, 0x28)
    /// `AirSyncBase:Accuracy`
    public static let accuracy = WBXMLTag(known: 17, 0x29)
    /// `AirSyncBase:Altitude`
    public static let altitude = WBXMLTag(known: 17, 0x2A)
    /// `AirSyncBase:AltitudeAccuracy`
    public static let altitudeAccuracy = WBXMLTag(known: 17, 0x2B)
    /// `AirSyncBase:LocationUri`
    public static let locationUri = WBXMLTag(known: 17, 0x2C)
    /// `AirSyncBase:InstanceId`
    public static let instanceId = WBXMLTag(known: 17, 0x2D)
}
