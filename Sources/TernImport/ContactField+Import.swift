import TernStore

/// The MS-ASCNTC 2.2.2 properties an import fills that `ContactField` has no constant for
/// (yet); the element names are those of the Contacts and Contacts2 code pages (MS-ASWBXML).
extension ContactField {
    static let home2PhoneNumber = ContactField("Contacts", "Home2PhoneNumber")
    static let business2PhoneNumber = ContactField("Contacts", "Business2PhoneNumber")
    static let homeFaxNumber = ContactField("Contacts", "HomeFaxNumber")
    static let pagerNumber = ContactField("Contacts", "PagerNumber")
    static let carPhoneNumber = ContactField("Contacts", "CarPhoneNumber")
    static let assistantPhoneNumber = ContactField("Contacts", "AssistantPhoneNumber")
    static let assistantName = ContactField("Contacts", "AssistantName")
    static let spouse = ContactField("Contacts", "Spouse")
    static let otherAddressStreet = ContactField("Contacts", "OtherAddressStreet")
    static let otherAddressCity = ContactField("Contacts", "OtherAddressCity")
    static let otherAddressState = ContactField("Contacts", "OtherAddressState")
    static let otherAddressPostalCode = ContactField("Contacts", "OtherAddressPostalCode")
    static let otherAddressCountry = ContactField("Contacts", "OtherAddressCountry")
    static let yomiFirstName = ContactField("Contacts", "YomiFirstName")
    static let yomiLastName = ContactField("Contacts", "YomiLastName")
    static let yomiCompanyName = ContactField("Contacts", "YomiCompanyName")
    static let imAddress2 = ContactField("Contacts2", "IMAddress2")
    static let imAddress3 = ContactField("Contacts2", "IMAddress3")
}
