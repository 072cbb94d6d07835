// Written from `CodePage.contacts2` by TagConstantTests; do not edit by hand.

/// The tags of code page 12, Contacts2, as constants: a misspelt tag does not compile.
public enum Contacts2Tag {
    /// `Contacts2:CustomerId`
    public static let customerId = WBXMLTag(known: 12, 0x05)
    /// `Contacts2:GovernmentId`
    public static let governmentId = WBXMLTag(known: 12, 0x06)
    /// `Contacts2:IMAddress`
    public static let imAddress = WBXMLTag(known: 12, 0x07)
    /// `Contacts2:IMAddress2`
    public static let imAddress2 = WBXMLTag(known: 12, 0x08)
    /// `Contacts2:IMAddress3`
    public static let imAddress3 = WBXMLTag(known: 12, 0x09)
    /// `Contacts2:ManagerName`
    public static let managerName = WBXMLTag(known: 12, 0x0A)
    /// `Contacts2:CompanyMainPhone`
    public static let companyMainPhone = WBXMLTag(known: 12, 0x0B)
    /// `Contacts2:AccountName`
    public static let accountName = WBXMLTag(known: 12, 0x0C)
    /// `Contacts2:NickName`
    public static let nickName = WBXMLTag(known: 12, 0x0D)
    /// `Contacts2:MMS`
    public static let mms = WBXMLTag(known: 12, 0x0E)
}
