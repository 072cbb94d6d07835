// Written from `CodePage.contacts` by TagConstantTests; do not edit by hand.

/// The tags of code page 1, Contacts, as constants: a misspelt tag does not compile.
public enum ContactsTag {
    /// `Contacts:Anniversary`
    public static let anniversary = WBXMLTag(known: 1, 0x05)
    /// `Contacts:AssistantName`
    public static let assistantName = WBXMLTag(known: 1, 0x06)
    /// `Contacts:AssistantPhoneNumber`
    public static let assistantPhoneNumber = WBXMLTag(known: 1, 0x07)
    /// `Contacts:Birthday`
    public static let birthday = WBXMLTag(known: 1, 0x08)
    /// `Contacts:Business2PhoneNumber`
    public static let business2PhoneNumber = WBXMLTag(known: 1, 0x0C)
    /// `Contacts:BusinessAddressCity`
    public static let businessAddressCity = WBXMLTag(known: 1, 0x0D)
    /// `Contacts:BusinessAddressCountry`
    public static let businessAddressCountry = WBXMLTag(known: 1, 0x0E)
    /// `Contacts:BusinessAddressPostalCode`
    public static let businessAddressPostalCode = WBXMLTag(known: 1, 0x0F)
    /// `Contacts:BusinessAddressState`
    public static let businessAddressState = WBXMLTag(known: 1, 0x10)
    /// `Contacts:BusinessAddressStreet`
    public static let businessAddressStreet = WBXMLTag(known: 1, 0x11)
    /// `Contacts:BusinessFaxNumber`
    public static let businessFaxNumber = WBXMLTag(known: 1, 0x12)
    /// `Contacts:BusinessPhoneNumber`
    public static let businessPhoneNumber = WBXMLTag(known: 1, 0x13)
    /// `Contacts:CarPhoneNumber`
    public static let carPhoneNumber = WBXMLTag(known: 1, 0x14)
    /// `Contacts:Categories`
    public static let categories = WBXMLTag(known: 1, 0x15)
    /// `Contacts:Category`
    public static let category = WBXMLTag(known: 1, 0x16)
    /// `Contacts:Children`
    public static let children = WBXMLTag(known: 1, 0x17)
    /// `Contacts:Child`
    public static let child = WBXMLTag(known: 1, 0x18)
    /// `Contacts:CompanyName`
    public static let companyName = WBXMLTag(known: 1, 0x19)
    /// `Contacts:Department`
    public static let department = WBXMLTag(known: 1, 0x1A)
    /// `Contacts:Email1Address`
    public static let email1Address = WBXMLTag(known: 1, 0x1B)
    /// `Contacts:Email2Address`
    public static let email2Address = WBXMLTag(known: 1, 0x1C)
    /// `Contacts:Email3Address`
    public static let email3Address = WBXMLTag(known: 1, 0x1D)
    /// `Contacts:FileAs`
    public static let fileAs = WBXMLTag(known: 1, 0x1E)
    /// `Contacts:FirstName`
    public static let firstName = WBXMLTag(known: 1, 0x1F)
    /// `Contacts:Home2PhoneNumber`
    public static let home2PhoneNumber = WBXMLTag(known: 1, 0x20)
    /// `Contacts:HomeAddressCity`
    public static let homeAddressCity = WBXMLTag(known: 1, 0x21)
    /// `Contacts:HomeAddressCountry`
    public static let homeAddressCountry = WBXMLTag(known: 1, 0x22)
    /// `Contacts:HomeAddressPostalCode`
    public static let homeAddressPostalCode = WBXMLTag(known: 1, 0x23)
    /// `Contacts:HomeAddressState`
    public static let homeAddressState = WBXMLTag(known: 1, 0x24)
    /// `Contacts:HomeAddressStreet`
    public static let homeAddressStreet = WBXMLTag(known: 1, 0x25)
    /// `Contacts:HomeFaxNumber`
    public static let homeFaxNumber = WBXMLTag(known: 1, 0x26)
    /// `Contacts:HomePhoneNumber`
    public static let homePhoneNumber = WBXMLTag(known: 1, 0x27)
    /// `Contacts:JobTitle`
    public static let jobTitle = WBXMLTag(known: 1, 0x28)
    /// `Contacts:LastName`
    public static let lastName = WBXMLTag(known: 1, 0x29)
    /// `Contacts:MiddleName`
    public static let middleName = WBXMLTag(known: 1, 0x2A)
    /// `Contacts:MobilePhoneNumber`
    public static let mobilePhoneNumber = WBXMLTag(known: 1, 0x2B)
    /// `Contacts:OfficeLocation`
    public static let officeLocation = WBXMLTag(known: 1, 0x2C)
    /// `Contacts:OtherAddressCity`
    public static let otherAddressCity = WBXMLTag(known: 1, 0x2D)
    /// `Contacts:OtherAddressCountry`
    public static let otherAddressCountry = WBXMLTag(known: 1, 0x2E)
    /// `Contacts:OtherAddressPostalCode`
    public static let otherAddressPostalCode = WBXMLTag(known: 1, 0x2F)
    /// `Contacts:OtherAddressState`
    public static let otherAddressState = WBXMLTag(known: 1, 0x30)
    /// `Contacts:OtherAddressStreet`
    public static let otherAddressStreet = WBXMLTag(known: 1, 0x31)
    /// `Contacts:PagerNumber`
    public static let pagerNumber = WBXMLTag(known: 1, 0x32)
    /// `Contacts:RadioPhoneNumber`
    public static let radioPhoneNumber = WBXMLTag(known: 1, 0x33)
    /// `Contacts:Spouse`
    public static let spouse = WBXMLTag(known: 1, 0x34)
    /// `Contacts:Suffix`
    public static let suffix = WBXMLTag(known: 1, 0x35)
    /// `Contacts:Title`
    public static let title = WBXMLTag(known: 1, 0x36)
    /// `Contacts:WebPage`
    public static let webPage = WBXMLTag(known: 1, 0x37)
    /// `Contacts:YomiCompanyName`
    public static let yomiCompanyName = WBXMLTag(known: 1, 0x38)
    /// `Contacts:YomiFirstName`
    public static let yomiFirstName = WBXMLTag(known: 1, 0x39)
    /// `Contacts:YomiLastName`
    public static let yomiLastName = WBXMLTag(known: 1, 0x3A)
    /// `Contacts:Picture`
    public static let picture = WBXMLTag(known: 1, 0x3C)
    /// `Contacts:Alias`
    public static let alias = WBXMLTag(known: 1, 0x3D)
    /// `Contacts:WeightedRank`
    public static let weightedRank = WBXMLTag(known: 1, 0x3E)
}
