public import Foundation

/// A contact (MS-ASCNTC): its string properties by element name, plus the multi-valued ones.
///
/// Contacts carry some sixty optional string properties in two namespaces; a device sends
/// any subset and a ghosted property it leaves out must stay untouched (MS-ASCMD Supported),
/// so they are kept as a map keyed by `ContactField` rather than sixty optionals.
public struct ContactItem: Hashable, Sendable, Codable {
    public var fields: [ContactField: String]
    public var categories: [String]
    public var children: [String]
    /// The contact's photo, decoded from base64 (MS-ASCNTC 2.2.2.54 Picture, at most 48 KB on the wire).
    public var picture: Data?
    /// The notes, as plain text (MS-ASAIRS Body).
    public var body: String?

    public init(
        fields: [ContactField: String] = [:], categories: [String] = [], children: [String] = [], picture: Data? = nil,
        body: String? = nil
    ) {
        self.fields = fields
        self.categories = categories
        self.children = children
        self.picture = picture
        self.body = body
    }

    public subscript(field: ContactField) -> String? {
        get { fields[field] }
        set { fields[field] = newValue }
    }
}

/// A string property of a contact, named as its element in the `Contacts` or `Contacts2`
/// namespace (MS-ASCNTC 2.2.2). Unknown names stay representable.
public struct ContactField: RawRepresentable, Hashable, Sendable, Codable, CodingKeyRepresentable {
    /// `Namespace:Element`, e.g. `Contacts:FileAs`, `Contacts2:NickName`.
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public init(_ namespace: String, _ element: String) { self.init(rawValue: namespace + ":" + element) }

    public var codingKey: any CodingKey { StringKey(stringValue: rawValue) }
    public init?<T: CodingKey>(codingKey: T) { self.init(rawValue: codingKey.stringValue) }

    private struct StringKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public static let fileAs = ContactField("Contacts", "FileAs")
    public static let firstName = ContactField("Contacts", "FirstName")
    public static let middleName = ContactField("Contacts", "MiddleName")
    public static let lastName = ContactField("Contacts", "LastName")
    public static let title = ContactField("Contacts", "Title")
    public static let suffix = ContactField("Contacts", "Suffix")
    public static let companyName = ContactField("Contacts", "CompanyName")
    public static let department = ContactField("Contacts", "Department")
    public static let jobTitle = ContactField("Contacts", "JobTitle")
    public static let email1Address = ContactField("Contacts", "Email1Address")
    public static let email2Address = ContactField("Contacts", "Email2Address")
    public static let email3Address = ContactField("Contacts", "Email3Address")
    public static let mobilePhoneNumber = ContactField("Contacts", "MobilePhoneNumber")
    public static let homePhoneNumber = ContactField("Contacts", "HomePhoneNumber")
    public static let businessPhoneNumber = ContactField("Contacts", "BusinessPhoneNumber")
    public static let businessFaxNumber = ContactField("Contacts", "BusinessFaxNumber")
    public static let homeAddressStreet = ContactField("Contacts", "HomeAddressStreet")
    public static let homeAddressCity = ContactField("Contacts", "HomeAddressCity")
    public static let homeAddressState = ContactField("Contacts", "HomeAddressState")
    public static let homeAddressPostalCode = ContactField("Contacts", "HomeAddressPostalCode")
    public static let homeAddressCountry = ContactField("Contacts", "HomeAddressCountry")
    public static let businessAddressStreet = ContactField("Contacts", "BusinessAddressStreet")
    public static let businessAddressCity = ContactField("Contacts", "BusinessAddressCity")
    public static let businessAddressState = ContactField("Contacts", "BusinessAddressState")
    public static let businessAddressPostalCode = ContactField("Contacts", "BusinessAddressPostalCode")
    public static let businessAddressCountry = ContactField("Contacts", "BusinessAddressCountry")
    public static let webPage = ContactField("Contacts", "WebPage")
    /// `YYYY-MM-DDT00:00:00.000Z` as EAS sends dates.
    public static let birthday = ContactField("Contacts", "Birthday")
    public static let anniversary = ContactField("Contacts", "Anniversary")
    public static let nickName = ContactField("Contacts2", "NickName")
    public static let imAddress = ContactField("Contacts2", "IMAddress")
    public static let managerName = ContactField("Contacts2", "ManagerName")
    public static let companyMainPhone = ContactField("Contacts2", "CompanyMainPhone")
}
