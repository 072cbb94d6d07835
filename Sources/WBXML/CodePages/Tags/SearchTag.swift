// Written from `CodePage.search` by TagConstantTests; do not edit by hand.

/// The tags of code page 15, Search, as constants: a misspelt tag does not compile.
public enum SearchTag {
    /// `Search:Search`
    public static let search = WBXMLTag(known: 15, 0x05)
    /// `Search:Store`
    public static let store = WBXMLTag(known: 15, 0x07)
    /// `Search:Name`
    public static let name = WBXMLTag(known: 15, 0x08)
    /// `Search:Query`
    public static let query = WBXMLTag(known: 15, 0x09)
    /// `Search:Options`
    public static let options = WBXMLTag(known: 15, 0x0A)
    /// `Search:Range`
    public static let range = WBXMLTag(known: 15, 0x0B)
    /// `Search:Status`
    public static let status = WBXMLTag(known: 15, 0x0C)
    /// `Search:Response`
    public static let response = WBXMLTag(known: 15, 0x0D)
    /// `Search:Result`
    public static let result = WBXMLTag(known: 15, 0x0E)
    /// `Search:Properties`
    public static let properties = WBXMLTag(known: 15, 0x0F)
    /// `Search:Total`
    public static let total = WBXMLTag(known: 15, 0x10)
    /// `Search:EqualTo`
    public static let equalTo = WBXMLTag(known: 15, 0x11)
    /// `Search:Value`
    public static let value = WBXMLTag(known: 15, 0x12)
    /// `Search:And`
    public static let and = WBXMLTag(known: 15, 0x13)
    /// `Search:Or`
    public static let or = WBXMLTag(known: 15, 0x14)
    /// `Search:FreeText`
    public static let freeText = WBXMLTag(known: 15, 0x15)
    /// `Search:DeepTraversal`
    public static let deepTraversal = WBXMLTag(known: 15, 0x17)
    /// `Search:LongId`
    public static let longId = WBXMLTag(known: 15, 0x18)
    /// `Search:RebuildResults`
    public static let rebuildResults = WBXMLTag(known: 15, 0x19)
    /// `Search:LessThan`
    public static let lessThan = WBXMLTag(known: 15, 0x1A)
    /// `Search:GreaterThan`
    public static let greaterThan = WBXMLTag(known: 15, 0x1B)
    /// `Search:UserName`
    public static let userName = WBXMLTag(known: 15, 0x1E)
    /// `Search:Password`
    public static let password = WBXMLTag(known: 15, 0x1F)
    /// `Search:ConversationId`
    public static let conversationId = WBXMLTag(known: 15, 0x20)
    /// `Search:Picture`
    public static let picture = WBXMLTag(known: 15, 0x21)
    /// `Search:MaxSize`
    public static let maxSize = WBXMLTag(known: 15, 0x22)
    /// `Search:MaxPictures`
    public static let maxPictures = WBXMLTag(known: 15, 0x23)
}
