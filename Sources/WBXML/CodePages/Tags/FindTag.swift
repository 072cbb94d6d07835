// Written from `CodePage.find` by TagConstantTests; do not edit by hand.

/// The tags of code page 25, Find, as constants: a misspelt tag does not compile.
public enum FindTag {
    /// `Find:Find`
    public static let find = WBXMLTag(known: 25, 0x05)
    /// `Find:SearchId`
    public static let searchId = WBXMLTag(known: 25, 0x06)
    /// `Find:ExecuteSearch`
    public static let executeSearch = WBXMLTag(known: 25, 0x07)
    /// `Find:MailBoxSearchCriterion`
    public static let mailBoxSearchCriterion = WBXMLTag(known: 25, 0x08)
    /// `Find:Query`
    public static let query = WBXMLTag(known: 25, 0x09)
    /// `Find:Status`
    public static let status = WBXMLTag(known: 25, 0x0A)
    /// `Find:FreeText`
    public static let freeText = WBXMLTag(known: 25, 0x0B)
    /// `Find:Options`
    public static let options = WBXMLTag(known: 25, 0x0C)
    /// `Find:Range`
    public static let range = WBXMLTag(known: 25, 0x0D)
    /// `Find:DeepTraversal`
    public static let deepTraversal = WBXMLTag(known: 25, 0x0E)
    /// `Find:Response`
    public static let response = WBXMLTag(known: 25, 0x11)
    /// `Find:Result`
    public static let result = WBXMLTag(known: 25, 0x12)
    /// `Find:Properties`
    public static let properties = WBXMLTag(known: 25, 0x13)
    /// `Find:Preview`
    public static let preview = WBXMLTag(known: 25, 0x14)
    /// `Find:HasAttachments`
    public static let hasAttachments = WBXMLTag(known: 25, 0x15)
    /// `Find:Total`
    public static let total = WBXMLTag(known: 25, 0x16)
    /// `Find:DisplayCc`
    public static let displayCc = WBXMLTag(known: 25, 0x17)
    /// `Find:DisplayBcc`
    public static let displayBcc = WBXMLTag(known: 25, 0x18)
    /// `Find:GalSearchCriterion`
    public static let galSearchCriterion = WBXMLTag(known: 25, 0x19)
    /// `Find:MaxPictures`
    public static let maxPictures = WBXMLTag(known: 25, 0x20)
    /// `Find:MaxSize`
    public static let maxSize = WBXMLTag(known: 25, 0x21)
    /// `Find:Picture`
    public static let picture = WBXMLTag(known: 25, 0x22)
}
