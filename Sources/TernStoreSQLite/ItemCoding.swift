import Foundation
import GRDB
import TernStore

/// How an item's content is stored: its class, its properties as JSON, and for email the
/// message bytes in their own table so that listing items never loads bodies.
enum ItemCoding {
    static func className(_ content: ItemContent) -> String { content.itemClass.rawValue }

    static func properties(_ content: ItemContent) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        switch content {
        case .email(let email): return try encoder.encode(email.properties)
        case .contact(let contact): return try encoder.encode(contact)
        case .event(let event): return try encoder.encode(event)
        case .task(let task): return try encoder.encode(task)
        }
    }

    static func content(className: String, properties: Data, raw: Data?) throws -> ItemContent {
        let decoder = JSONDecoder()
        switch ItemClass(rawValue: className) {
        case .email: return .email(EmailItem(raw: raw ?? Data(), properties: try decoder.decode(EmailProperties.self, from: properties)))
        case .contacts: return .contact(try decoder.decode(ContactItem.self, from: properties))
        case .calendar: return .event(try decoder.decode(CalendarItem.self, from: properties))
        case .tasks: return .task(try decoder.decode(TaskItem.self, from: properties))
        default: throw StoreError(.database, "stored item of unknown class \(className)")
        }
    }

    /// Reads an `items` row joined with `messages.raw`.
    static func item(_ row: Row) throws -> Item {
        Item(
            id: row["id"], folderID: row["folder_id"], serverID: row["server_id"],
            content: try content(className: row["class"], properties: row["properties"], raw: row["raw"]),
            modSeq: ModSeq(rawValue: row["modseq"]))
    }
}
