// Written from `CodePage.composeMail` by TagConstantTests; do not edit by hand.

/// The tags of code page 21, ComposeMail, as constants: a misspelt tag does not compile.
public enum ComposeMailTag {
    /// `ComposeMail:SendMail`
    public static let sendMail = WBXMLTag(known: 21, 0x05)
    /// `ComposeMail:SmartForward`
    public static let smartForward = WBXMLTag(known: 21, 0x06)
    /// `ComposeMail:SmartReply`
    public static let smartReply = WBXMLTag(known: 21, 0x07)
    /// `ComposeMail:SaveInSentItems`
    public static let saveInSentItems = WBXMLTag(known: 21, 0x08)
    /// `ComposeMail:ReplaceMime`
    public static let replaceMime = WBXMLTag(known: 21, 0x09)
    /// `ComposeMail:Source`
    public static let source = WBXMLTag(known: 21, 0x0B)
    /// `ComposeMail:FolderId`
    public static let folderId = WBXMLTag(known: 21, 0x0C)
    /// `ComposeMail:ItemId`
    public static let itemId = WBXMLTag(known: 21, 0x0D)
    /// `ComposeMail:LongId`
    public static let longId = WBXMLTag(known: 21, 0x0E)
    /// `ComposeMail:InstanceId`
    public static let instanceId = WBXMLTag(known: 21, 0x0F)
    /// `ComposeMail:Mime`
    public static let mime = WBXMLTag(known: 21, 0x10)
    /// `ComposeMail:ClientId`
    public static let clientId = WBXMLTag(known: 21, 0x11)
    /// `ComposeMail:Status`
    public static let status = WBXMLTag(known: 21, 0x12)
    /// `ComposeMail:AccountId`
    public static let accountId = WBXMLTag(known: 21, 0x13)
    /// `ComposeMail:Forwardees`
    public static let forwardees = WBXMLTag(known: 21, 0x15)
    /// `ComposeMail:Forwardee`
    public static let forwardee = WBXMLTag(known: 21, 0x16)
    /// `ComposeMail:Name`
    public static let name = WBXMLTag(known: 21, 0x17)
    /// `ComposeMail:Email`
    public static let email = WBXMLTag(known: 21, 0x18)
}
