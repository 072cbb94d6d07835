// Written from `CodePage.settings` by TagConstantTests; do not edit by hand.

/// The tags of code page 18, Settings, as constants: a misspelt tag does not compile.
public enum SettingsTag {
    /// `Settings:Settings`
    public static let settings = WBXMLTag(known: 18, 0x05)
    /// `Settings:Status`
    public static let status = WBXMLTag(known: 18, 0x06)
    /// `Settings:Get`
    public static let get = WBXMLTag(known: 18, 0x07)
    /// `Settings:Set`
    public static let set = WBXMLTag(known: 18, 0x08)
    /// `Settings:Oof`
    public static let oof = WBXMLTag(known: 18, 0x09)
    /// `Settings:OofState`
    public static let oofState = WBXMLTag(known: 18, 0x0A)
    /// `Settings:StartTime`
    public static let startTime = WBXMLTag(known: 18, 0x0B)
    /// `Settings:EndTime`
    public static let endTime = WBXMLTag(known: 18, 0x0C)
    /// `Settings:OofMessage`
    public static let oofMessage = WBXMLTag(known: 18, 0x0D)
    /// `Settings:AppliesToInternal`
    public static let appliesToInternal = WBXMLTag(known: 18, 0x0E)
    /// `Settings:AppliesToExternalKnown`
    public static let appliesToExternalKnown = WBXMLTag(known: 18, 0x0F)
    /// `Settings:AppliesToExternalUnknown`
    public static let appliesToExternalUnknown = WBXMLTag(known: 18, 0x10)
    /// `Settings:Enabled`
    public static let enabled = WBXMLTag(known: 18, 0x11)
    /// `Settings:ReplyMessage`
    public static let replyMessage = WBXMLTag(known: 18, 0x12)
    /// `Settings:BodyType`
    public static let bodyType = WBXMLTag(known: 18, 0x13)
    /// `Settings:DevicePassword`
    public static let devicePassword = WBXMLTag(known: 18, 0x14)
    /// `Settings:Password`
    public static let password = WBXMLTag(known: 18, 0x15)
    /// `Settings:DeviceInformation`
    public static let deviceInformation = WBXMLTag(known: 18, 0x16)
    /// `Settings:Model`
    public static let model = WBXMLTag(known: 18, 0x17)
    /// `Settings:IMEI`
    public static let imei = WBXMLTag(known: 18, 0x18)
    /// `Settings:FriendlyName`
    public static let friendlyName = WBXMLTag(known: 18, 0x19)
    /// `Settings:OS`
    public static let os = WBXMLTag(known: 18, 0x1A)
    /// `Settings:OSLanguage`
    public static let osLanguage = WBXMLTag(known: 18, 0x1B)
    /// `Settings:PhoneNumber`
    public static let phoneNumber = WBXMLTag(known: 18, 0x1C)
    /// `Settings:UserInformation`
    public static let userInformation = WBXMLTag(known: 18, 0x1D)
    /// `Settings:EmailAddresses`
    public static let emailAddresses = WBXMLTag(known: 18, 0x1E)
    /// `Settings:SMTPAddress`
    public static let smtpAddress = WBXMLTag(known: 18, 0x1F)
    /// `Settings:UserAgent`
    public static let userAgent = WBXMLTag(known: 18, 0x20)
    /// `Settings:EnableOutboundSMS`
    public static let enableOutboundSMS = WBXMLTag(known: 18, 0x21)
    /// `Settings:MobileOperator`
    public static let mobileOperator = WBXMLTag(known: 18, 0x22)
    /// `Settings:PrimarySmtpAddress`
    public static let primarySmtpAddress = WBXMLTag(known: 18, 0x23)
    /// `Settings:Accounts`
    public static let accounts = WBXMLTag(known: 18, 0x24)
    /// `Settings:Account`
    public static let account = WBXMLTag(known: 18, 0x25)
    /// `Settings:AccountId`
    public static let accountId = WBXMLTag(known: 18, 0x26)
    /// `Settings:AccountName`
    public static let accountName = WBXMLTag(known: 18, 0x27)
    /// `Settings:UserDisplayName`
    public static let userDisplayName = WBXMLTag(known: 18, 0x28)
    /// `Settings:SendDisabled`
    public static let sendDisabled = WBXMLTag(known: 18, 0x29)
    /// `Settings:RightsManagementInformation`
    public static let rightsManagementInformation = WBXMLTag(known: 18, 0x2B)
}
