public import Foundation
public import WBXML

/// A contact's `<airsync:ApplicationData>` (MS-ASCNTC 2.2.2) as it travels: its string
/// properties in the order of the Contacts and then the Contacts2 code page, Categories and
/// Children as containers, Picture as base64 and the notes as a plain-text Body.
///
/// ```xml
/// <contacts:Email1Address>jane@example.com</contacts:Email1Address>
/// <contacts:FileAs>Doe, Jane</contacts:FileAs>
/// <contacts:Categories><contacts:Category>Friends</contacts:Category></contacts:Categories>
/// <contacts2:NickName>JD</contacts2:NickName>
/// ```
public struct ContactData: Hashable, Sendable {
    /// The string properties sent; "" when the device clears one.
    public var properties: [ContactProperty: String]
    public var categories: [String]?
    public var children: [String]?
    /// The photo's bytes (at most 48 KB on the wire, MS-ASCNTC 2.2.2.54).
    public var picture: Clearable<Data>?
    public var body: BodyData?

    public init(
        properties: [ContactProperty: String] = [:], categories: [String]? = nil, children: [String]? = nil,
        picture: Clearable<Data>? = nil, body: BodyData? = nil
    ) {
        self.properties = properties
        self.categories = categories
        self.children = children
        self.picture = picture
        self.body = body
    }

    /// Reads a device's contact; a Picture that is not base64 is refused.
    public init(_ data: WBXMLElement) throws(ApplicationDataError) {
        var properties: [ContactProperty: String] = [:]
        for element in data.elements {
            guard let property = ContactProperty(element.tag) else { continue }
            properties[property] = try element.boundedText()
        }
        self.init(
            properties: properties, categories: try data.strings(ContactsTag.categories, ContactsTag.category),
            children: try data.strings(ContactsTag.children, ContactsTag.child), picture: try Self.picture(in: data),
            body: try data.body())
    }

    /// The children of `<airsync:ApplicationData>`: the code pages' order, then the Body.
    public var elements: [WBXMLElement] {
        var list = ElementList()
        for page in Self.pages {
            for tag in page {
                switch tag {
                case ContactsTag.categories: list.append(ContactsTag.categories, ContactsTag.category, categories)
                case ContactsTag.children: list.append(ContactsTag.children, ContactsTag.child, children)
                case ContactsTag.picture:
                    switch picture {
                    case .value(let bytes): list.append(ContactsTag.picture, bytes.base64EncodedString())
                    case .cleared: list.append(ContactsTag.picture, "")
                    case nil: break
                    }
                default: list.append(tag, ContactProperty(tag).flatMap { properties[$0] })
                }
            }
        }
        list.append(body?.element)
        return list.elements
    }

    /// This Change with what it left out taken from `stored` where `ghosting` keeps it.
    public func filling(from stored: ContactData, _ ghosting: Ghosting) -> ContactData {
        var contact = self
        for (property, value) in stored.properties
        where contact.properties[property] == nil && ghosting.keepsAbsent(property.tag) {
            contact.properties[property] = value
        }
        ghosting.fill(&contact, from: stored, \.categories, ContactsTag.categories)
        ghosting.fill(&contact, from: stored, \.children, ContactsTag.children)
        ghosting.fill(&contact, from: stored, \.picture, ContactsTag.picture)
        ghosting.fill(&contact, from: stored, \.body, AirSyncBaseTag.body)
        return contact
    }

    /// The tags of the Contacts and Contacts2 pages, in token order.
    private static let pages: [[WBXMLTag]] = [1, 12].map { number in
        CodePage.all[number].tags.compactMap { WBXMLTag(page: UInt8(number), token: $0.token) }
    }

    /// nil when absent; cleared for an empty Picture, which removes the photo.
    private static func picture(in data: WBXMLElement) throws(ApplicationDataError) -> Clearable<Data>? {
        guard let element = data.firstElement(ContactsTag.picture) else { return nil }
        let text = String(decoding: element.contentBytes ?? [], as: UTF8.self)
        guard !text.isEmpty else { return .cleared }
        guard let picture = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
            throw .badValue("Contacts:Picture", "not base64")
        }
        return .value(picture)
    }
}

/// A string property of a contact: an element of the Contacts or Contacts2 code page that
/// holds text (not Categories, Children, Picture or their items).
public struct ContactProperty: Hashable, Sendable {
    let tag: WBXMLTag

    /// The property `Namespace:Element`, e.g. `Contacts:FileAs`; nil for any other name.
    public init?(name: String) {
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let tag = WBXMLTag(namespace: parts[0], name: parts[1]) else { return nil }
        self.init(tag)
    }

    init?(_ tag: WBXMLTag) {
        guard tag.page == ContactsTag.fileAs.page || tag.page == Contacts2Tag.nickName.page,
            !Self.structural.contains(tag)
        else { return nil }
        self.tag = tag
    }

    /// `Namespace:Element`, e.g. `Contacts:FileAs`.
    public var name: String { tag.description }

    public static let fileAs = ContactProperty(checked: ContactsTag.fileAs)
    public static let firstName = ContactProperty(checked: ContactsTag.firstName)
    public static let lastName = ContactProperty(checked: ContactsTag.lastName)
    public static let email1Address = ContactProperty(checked: ContactsTag.email1Address)

    private init(checked tag: WBXMLTag) { self.tag = tag }

    private static let structural: Set<WBXMLTag> = [
        ContactsTag.categories, ContactsTag.category, ContactsTag.children, ContactsTag.child, ContactsTag.picture,
    ]
}
