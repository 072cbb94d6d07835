// Written from `CodePage.rightsManagement` by TagConstantTests; do not edit by hand.

/// The tags of code page 24, RightsManagement, as constants: a misspelt tag does not compile.
public enum RightsManagementTag {
    /// `RightsManagement:RightsManagementSupport`
    public static let rightsManagementSupport = WBXMLTag(known: 24, 0x05)
    /// `RightsManagement:RightsManagementTemplates`
    public static let rightsManagementTemplates = WBXMLTag(known: 24, 0x06)
    /// `RightsManagement:RightsManagementTemplate`
    public static let rightsManagementTemplate = WBXMLTag(known: 24, 0x07)
    /// `RightsManagement:RightsManagementLicense`
    public static let rightsManagementLicense = WBXMLTag(known: 24, 0x08)
    /// `RightsManagement:EditAllowed`
    public static let editAllowed = WBXMLTag(known: 24, 0x09)
    /// `RightsManagement:ReplyAllowed`
    public static let replyAllowed = WBXMLTag(known: 24, 0x0A)
    /// `RightsManagement:ReplyAllAllowed`
    public static let replyAllAllowed = WBXMLTag(known: 24, 0x0B)
    /// `RightsManagement:ForwardAllowed`
    public static let forwardAllowed = WBXMLTag(known: 24, 0x0C)
    /// `RightsManagement:ModifyRecipientsAllowed`
    public static let modifyRecipientsAllowed = WBXMLTag(known: 24, 0x0D)
    /// `RightsManagement:ExtractAllowed`
    public static let extractAllowed = WBXMLTag(known: 24, 0x0E)
    /// `RightsManagement:PrintAllowed`
    public static let printAllowed = WBXMLTag(known: 24, 0x0F)
    /// `RightsManagement:ExportAllowed`
    public static let exportAllowed = WBXMLTag(known: 24, 0x10)
    /// `RightsManagement:ProgrammaticAccessAllowed`
    public static let programmaticAccessAllowed = WBXMLTag(known: 24, 0x11)
    /// `RightsManagement:Owner`
    public static let owner = WBXMLTag(known: 24, 0x12)
    /// `RightsManagement:ContentExpiryDate`
    public static let contentExpiryDate = WBXMLTag(known: 24, 0x13)
    /// `RightsManagement:TemplateID`
    public static let templateID = WBXMLTag(known: 24, 0x14)
    /// `RightsManagement:TemplateName`
    public static let templateName = WBXMLTag(known: 24, 0x15)
    /// `RightsManagement:TemplateDescription`
    public static let templateDescription = WBXMLTag(known: 24, 0x16)
    /// `RightsManagement:ContentOwner`
    public static let contentOwner = WBXMLTag(known: 24, 0x17)
    /// `RightsManagement:RemoveRightsManagementProtection`
    public static let removeRightsManagementProtection = WBXMLTag(known: 24, 0x18)
}
