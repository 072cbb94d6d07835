// Written from `CodePage.gal` by TagConstantTests; do not edit by hand.

/// The tags of code page 16, GAL, as constants: a misspelt tag does not compile.
public enum GALTag {
    /// `GAL:DisplayName`
    public static let displayName = WBXMLTag(known: 16, 0x05)
    /// `GAL:Phone`
    public static let phone = WBXMLTag(known: 16, 0x06)
    /// `GAL:Office`
    public static let office = WBXMLTag(known: 16, 0x07)
    /// `GAL:Title`
    public static let title = WBXMLTag(known: 16, 0x08)
    /// `GAL:Company`
    public static let company = WBXMLTag(known: 16, 0x09)
    /// `GAL:Alias`
    public static let alias = WBXMLTag(known: 16, 0x0A)
    /// `GAL:FirstName`
    public static let firstName = WBXMLTag(known: 16, 0x0B)
    /// `GAL:LastName`
    public static let lastName = WBXMLTag(known: 16, 0x0C)
    /// `GAL:HomePhone`
    public static let homePhone = WBXMLTag(known: 16, 0x0D)
    /// `GAL:MobilePhone`
    public static let mobilePhone = WBXMLTag(known: 16, 0x0E)
    /// `GAL:EmailAddress`
    public static let emailAddress = WBXMLTag(known: 16, 0x0F)
    /// `GAL:Picture`
    public static let picture = WBXMLTag(known: 16, 0x10)
    /// `GAL:Status`
    public static let status = WBXMLTag(known: 16, 0x11)
    /// `GAL:Data`
    public static let data = WBXMLTag(known: 16, 0x12)
}
