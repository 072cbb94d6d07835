public import WBXML

/// A person of the global address list as Search and Find send one (MS-ASCMD 2.2.3.134.2
/// Properties): only the properties that have a value, in the GAL code page.
public struct GALEntry: Hashable, Sendable, Codable {
    public var displayName: String
    public var alias: String?
    public var firstName: String?
    public var lastName: String?
    public var emailAddress: String?
    public var picture: Picture?

    /// A contact picture result (14.1+): a Status, and the JPEG bytes when it is 1.
    public struct Picture: Hashable, Sendable, Codable {
        public var status: Int
        public var data: [UInt8]?

        public init(status: Int, data: [UInt8]? = nil) {
            self.status = status
            self.data = data
        }
    }

    public init(
        displayName: String, alias: String? = nil, firstName: String? = nil, lastName: String? = nil,
        emailAddress: String? = nil, picture: Picture? = nil
    ) {
        self.displayName = displayName
        self.alias = alias
        self.firstName = firstName
        self.lastName = lastName
        self.emailAddress = emailAddress
        self.picture = picture
    }

    /// The entry's properties, the children of a Properties element.
    public var properties: [WBXMLElement] {
        var list = ElementList()
        list.append(GALTag.displayName, displayName)
        list.append(GALTag.alias, alias)
        list.append(GALTag.firstName, firstName)
        list.append(GALTag.lastName, lastName)
        list.append(GALTag.emailAddress, emailAddress)
        if let picture {
            var children = ElementList()
            children.append(GALTag.status, picture.status)
            children.append(GALTag.data, opaque: picture.data)
            list.append(children.element(GALTag.picture))
        }
        return list.elements
    }

    /// An entry read back from a Properties element (a device's view); nil without a DisplayName.
    public init?(properties: WBXMLElement) {
        guard let displayName = properties.firstElement(GALTag.displayName)?.text else { return nil }
        let text = { (tag: WBXMLTag) in properties.firstElement(tag)?.text }
        self.init(
            displayName: displayName, alias: text(GALTag.alias), firstName: text(GALTag.firstName),
            lastName: text(GALTag.lastName), emailAddress: text(GALTag.emailAddress),
            picture: properties.firstElement(GALTag.picture).map { picture in
                Picture(
                    status: picture.firstElement(GALTag.status)?.text.flatMap { Int($0) } ?? 0,
                    data: picture.firstElement(GALTag.data)?.contentBytes)
            })
    }
}
