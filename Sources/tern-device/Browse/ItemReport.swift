import Foundation
import TernClient

/// An item as `ls --json` and `show --json` print it.
struct ItemReport: Codable {
    struct Field: Codable {
        let name: String
        let value: String
    }

    let id: String
    let folder: String
    let `class`: String
    let title: String
    let date: Date?
    let fields: [Field]

    init(_ item: CachedItem) {
        id = item.serverID
        folder = item.folderID
        `class` = item.kind.rawValue
        title = item.title
        date = item.date
        fields = item.fields.map { Field(name: $0.name, value: $0.value) }
    }
}
