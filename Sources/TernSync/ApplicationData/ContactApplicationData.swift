import ActiveSync
import Foundation
import TernStore
import WBXML

/// A contact's `<airsync:ApplicationData>` (MS-ASCNTC 2.2.2): its string properties in the
/// order of the Contacts and then the Contacts2 code page, Categories and Children as
/// containers, Picture as base64 and the notes as a plain-text `<airsyncbase:Body>`.
///
/// ```xml
/// <contacts:Email1Address>jane@example.com</contacts:Email1Address>
/// <contacts:FileAs>Doe, Jane</contacts:FileAs>
/// <contacts:Categories><contacts:Category>Friends</contacts:Category></contacts:Categories>
/// <contacts2:NickName>JD</contacts2:NickName>
/// ```
///
/// A Picture over 48 KB decoded (MS-ASCNTC 2.2.2.54) is not stored: the contact is taken
/// without it and keeps the photo it had, so an oversized photo never costs the whole change.
enum ContactApplicationData {
    static let maxPictureBytes = 48 << 10

    private static let pages = ["Contacts", "Contacts2"].compactMap { namespace in
        CodePage.all.first { $0.namespace == namespace }
    }

    /// Contacts elements that are not string properties.
    private static let structural: Set<String> = ["Categories", "Category", "Children", "Child", "Picture"]

    static func encode(_ contact: ContactItem, options: ItemEncodingOptions) -> [WBXMLElement] {
        var list = ElementList()
        for page in pages {
            for tag in page.tags {
                switch (page.namespace, tag.name) {
                case ("Contacts", "Categories"):
                    if !contact.categories.isEmpty {
                        list.append("Contacts", "Categories", "Category", contact.categories)
                    }
                case ("Contacts", "Children"):
                    if !contact.children.isEmpty { list.append("Contacts", "Children", "Child", contact.children) }
                case ("Contacts", "Picture"):
                    list.append("Contacts", "Picture", contact.picture?.base64EncodedString())
                case ("Contacts", "Category"), ("Contacts", "Child"):
                    continue
                default:
                    list.append(page.namespace, tag.name, contact[ContactField(page.namespace, tag.name)])
                }
            }
        }
        list.append(contact.body.map { BodyElement.plainText($0, options: options) })
        return list.elements
    }

    static func decode(
        _ data: WBXMLElement, replacing existing: ContactItem?, ghosting: Ghosting
    ) throws(ApplicationDataError) -> ContactItem {
        let stored = existing ?? ContactItem()
        var sentFields: [ContactField: String] = [:]
        for element in data.elements
        where pages.contains(where: { $0.number == element.tag.page }) && !structural.contains(element.tag.name) {
            sentFields[ContactField(element.tag.namespace, element.tag.name)] = try element.boundedText()
        }
        var contact = ContactItem()
        for (field, value) in sentFields where !value.isEmpty { contact.fields[field] = value }
        for (field, value) in stored.fields where sentFields[field] == nil && ghosting.keepsAbsent(field.rawValue) {
            contact.fields[field] = value
        }
        contact.categories = ghosting.merge(
            "Contacts:Categories", sent: try data.strings("Contacts", "Categories", "Category"),
            stored: stored.categories, cleared: [])
        contact.children = ghosting.merge(
            "Contacts:Children", sent: try data.strings("Contacts", "Children", "Child"), stored: stored.children,
            cleared: [])
        contact.picture = ghosting.merge(
            "Contacts:Picture", sent: try picture(in: data, stored: stored.picture), stored: stored.picture,
            cleared: nil)
        contact.body = ghosting.merge(
            "AirSyncBase:Body", sent: try BodyElement.text(in: data).map { $0.isEmpty ? nil : $0 }, stored: stored.body,
            cleared: nil)
        return contact
    }

    /// nil when absent; `.some(nil)` for an empty Picture, which removes the photo.
    private static func picture(in data: WBXMLElement, stored: Data?) throws(ApplicationDataError) -> Data?? {
        guard let element = data.child("Contacts", "Picture") else { return nil }
        let text = String(decoding: element.contentBytes ?? [], as: UTF8.self)
        guard !text.isEmpty else { return .some(nil) }
        guard let picture = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
            throw .badValue("Contacts:Picture", "not base64")
        }
        return picture.count > maxPictureBytes ? .some(stored) : .some(picture)
    }
}
