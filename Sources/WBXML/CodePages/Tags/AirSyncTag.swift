// Written from `CodePage.airSync` by TagConstantTests; do not edit by hand.

/// The tags of code page 0, AirSync, as constants: a misspelt tag does not compile.
public enum AirSyncTag {
    /// `AirSync:Sync`
    public static let sync = WBXMLTag(known: 0, 0x05)
    /// `AirSync:Responses`
    public static let responses = WBXMLTag(known: 0, 0x06)
    /// `AirSync:Add`
    public static let add = WBXMLTag(known: 0, 0x07)
    /// `AirSync:Change`
    public static let change = WBXMLTag(known: 0, 0x08)
    /// `AirSync:Delete`
    public static let delete = WBXMLTag(known: 0, 0x09)
    /// `AirSync:Fetch`
    public static let fetch = WBXMLTag(known: 0, 0x0A)
    /// `AirSync:SyncKey`
    public static let syncKey = WBXMLTag(known: 0, 0x0B)
    /// `AirSync:ClientId`
    public static let clientId = WBXMLTag(known: 0, 0x0C)
    /// `AirSync:ServerId`
    public static let serverId = WBXMLTag(known: 0, 0x0D)
    /// `AirSync:Status`
    public static let status = WBXMLTag(known: 0, 0x0E)
    /// `AirSync:Collection`
    public static let collection = WBXMLTag(known: 0, 0x0F)
    /// `AirSync:Class`
    public static let `class` = WBXMLTag(known: 0, 0x10)
    /// `AirSync:CollectionId`
    public static let collectionId = WBXMLTag(known: 0, 0x12)
    /// `AirSync:GetChanges`
    public static let getChanges = WBXMLTag(known: 0, 0x13)
    /// `AirSync:MoreAvailable`
    public static let moreAvailable = WBXMLTag(known: 0, 0x14)
    /// `AirSync:WindowSize`
    public static let windowSize = WBXMLTag(known: 0, 0x15)
    /// `AirSync:Commands`
    public static let commands = WBXMLTag(known: 0, 0x16)
    /// `AirSync:Options`
    public static let options = WBXMLTag(known: 0, 0x17)
    /// `AirSync:FilterType`
    public static let filterType = WBXMLTag(known: 0, 0x18)
    /// `AirSync:Conflict`
    public static let conflict = WBXMLTag(known: 0, 0x1B)
    /// `AirSync:Collections`
    public static let collections = WBXMLTag(known: 0, 0x1C)
    /// `AirSync:ApplicationData`
    public static let applicationData = WBXMLTag(known: 0, 0x1D)
    /// `AirSync:DeletesAsMoves`
    public static let deletesAsMoves = WBXMLTag(known: 0, 0x1E)
    /// `AirSync:Supported`
    public static let supported = WBXMLTag(known: 0, 0x20)
    /// `AirSync:SoftDelete`
    public static let softDelete = WBXMLTag(known: 0, 0x21)
    /// `AirSync:MIMESupport`
    public static let mimeSupport = WBXMLTag(known: 0, 0x22)
    /// `AirSync:MIMETruncation`
    public static let mimeTruncation = WBXMLTag(known: 0, 0x23)
    /// `AirSync:Wait`
    public static let wait = WBXMLTag(known: 0, 0x24)
    /// `AirSync:Limit`
    public static let limit = WBXMLTag(known: 0, 0x25)
    /// `AirSync:Partial`
    public static let partial = WBXMLTag(known: 0, 0x26)
    /// `AirSync:ConversationMode`
    public static let conversationMode = WBXMLTag(known: 0, 0x27)
    /// `AirSync:MaxItems`
    public static let maxItems = WBXMLTag(known: 0, 0x28)
    /// `AirSync:HeartbeatInterval`
    public static let heartbeatInterval = WBXMLTag(known: 0, 0x29)
}
