// Written from `CodePage.itemOperations` by TagConstantTests; do not edit by hand.

/// The tags of code page 20, ItemOperations, as constants: a misspelt tag does not compile.
public enum ItemOperationsTag {
    /// `ItemOperations:ItemOperations`
    public static let itemOperations = WBXMLTag(known: 20, 0x05)
    /// `ItemOperations:Fetch`
    public static let fetch = WBXMLTag(known: 20, 0x06)
    /// `ItemOperations:Store`
    public static let store = WBXMLTag(known: 20, 0x07)
    /// `ItemOperations:Options`
    public static let options = WBXMLTag(known: 20, 0x08)
    /// `ItemOperations:Range`
    public static let range = WBXMLTag(known: 20, 0x09)
    /// `ItemOperations:Total`
    public static let total = WBXMLTag(known: 20, 0x0A)
    /// `ItemOperations:Properties`
    public static let properties = WBXMLTag(known: 20, 0x0B)
    /// `ItemOperations:Data`
    public static let data = WBXMLTag(known: 20, 0x0C)
    /// `ItemOperations:Status`
    public static let status = WBXMLTag(known: 20, 0x0D)
    /// `ItemOperations:Response`
    public static let response = WBXMLTag(known: 20, 0x0E)
    /// `ItemOperations:Version`
    public static let version = WBXMLTag(known: 20, 0x0F)
    /// `ItemOperations:Schema`
    public static let schema = WBXMLTag(known: 20, 0x10)
    /// `ItemOperations:Part`
    public static let part = WBXMLTag(known: 20, 0x11)
    /// `ItemOperations:EmptyFolderContents`
    public static let emptyFolderContents = WBXMLTag(known: 20, 0x12)
    /// `ItemOperations:DeleteSubFolders`
    public static let deleteSubFolders = WBXMLTag(known: 20, 0x13)
    /// `ItemOperations:UserName`
    public static let userName = WBXMLTag(known: 20, 0x14)
    /// `ItemOperations:Password`
    public static let password = WBXMLTag(known: 20, 0x15)
    /// `ItemOperations:Move`
    public static let move = WBXMLTag(known: 20, 0x16)
    /// `ItemOperations:DstFldId`
    public static let dstFldId = WBXMLTag(known: 20, 0x17)
    /// `ItemOperations:ConversationId`
    public static let conversationId = WBXMLTag(known: 20, 0x18)
    /// `ItemOperations:MoveAlways`
    public static let moveAlways = WBXMLTag(known: 20, 0x19)
}
