import ActiveSync
import Foundation
import TernStore

/// A stored contact to and from its typed ApplicationData (`ContactData`, MS-ASCNTC 2.2.2).
///
/// A Picture over 48 KB decoded (MS-ASCNTC 2.2.2.54) is not stored: the contact is taken
/// without it and keeps the photo it had, so an oversized photo never costs the whole change.
enum ContactApplicationData {
    static let maxPictureBytes = 48 << 10

    static func encode(_ contact: ContactItem, options: ItemEncodingOptions) -> ContactData {
        var properties: [ContactProperty: String] = [:]
        for (field, value) in contact.fields {
            if let property = ContactProperty(name: field.rawValue) { properties[property] = value }
        }
        return ContactData(
            properties: properties, categories: contact.categories.nilWhenEmpty,
            children: contact.children.nilWhenEmpty, picture: contact.picture.map(Clearable.value),
            body: contact.body.map { BodyData(plainText: $0, options: options) })
    }

    static func decode(
        _ sent: ContactData, replacing existing: ContactItem?, ghosting: Ghosting, version: ProtocolVersion
    ) -> ContactItem {
        var sent = sent
        if case .value(let picture) = sent.picture, picture.count > maxPictureBytes {
            sent.picture = existing?.picture.map(Clearable.value) ?? .cleared
        }
        let data = existing.map { sent.filling(from: encode($0, options: .whole(version)), ghosting) } ?? sent
        var contact = ContactItem()
        for (property, value) in data.properties where !value.isEmpty {
            contact.fields[ContactField(rawValue: property.name)] = value
        }
        contact.categories = data.categories ?? []
        contact.children = data.children ?? []
        contact.picture = data.picture?.value
        contact.body = data.body.flatMap { nonEmpty($0.text) }
        return contact
    }
}
