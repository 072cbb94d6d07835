import ActiveSync
import Foundation
import GRDB
import TernStore

/// How an item's content is stored: its class, its properties (email in the compact form of
/// `EmailPropertiesCoding`, the other classes as JSON), and for email the message bytes in
/// their own table so that listing items never loads bodies.
enum ItemCoding {
    static func className(_ content: ItemContent) -> String { content.itemClass.rawValue }

    static func properties(_ content: ItemContent) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        switch content {
        case .email(let email): return EmailPropertiesCoding.encode(email.properties)
        case .contact(let contact): return try encoder.encode(contact)
        case .event(let event): return try encoder.encode(event)
        case .task(let task): return try encoder.encode(task)
        case .note(let note): return try encoder.encode(note)
        }
    }

    static func content(className: String, properties: Data, raw: Data?) throws -> ItemContent {
        let decoder = JSONDecoder()
        switch ItemClass(rawValue: className) {
        case .email:
            return .email(EmailItem(raw: raw ?? Data(), properties: try EmailPropertiesCoding.decode(properties)))
        case .contacts: return .contact(try decoder.decode(ContactItem.self, from: properties))
        case .calendar: return .event(try decoder.decode(CalendarItem.self, from: properties))
        case .tasks: return .task(try decoder.decode(TaskItem.self, from: properties))
        case .notes: return .note(try decoder.decode(NoteItem.self, from: properties))
        default: throw StoreError(.database, "stored item of unknown class \(className)")
        }
    }

    /// Reads an `items` row joined with `messages.raw`.
    static func item(_ row: Row) throws -> Item {
        try StoredItem(row).item()
    }

    /// Reads many rows, decoding on all cores when there are enough to be worth it: the
    /// stored properties are most of the cost of reading a Sync window of 512 items.
    static func items(_ rows: [Row]) throws -> [Item] {
        let chunkSize = 64
        guard rows.count > chunkSize else { return try rows.map(item) }
        let stored = rows.map(StoredItem.init)
        let chunkCount = (rows.count + chunkSize - 1) / chunkSize
        var decoded = [Result<Item, any Error>?](repeating: nil, count: rows.count)
        decoded.withUnsafeMutableBufferPointer { buffer in
            // Each index is written by exactly one iteration.
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                for index in chunk * chunkSize..<min((chunk + 1) * chunkSize, stored.count) {
                    results[index] = Result { try stored[index].item() }
                }
            }
        }
        return try decoded.map { result in
            guard let result else { preconditionFailure("an item row was not decoded") }
            return try result.get()
        }
    }

    /// An `items` row's columns, copied out of GRDB's `Row` so other threads may decode them.
    private struct StoredItem: Sendable {
        let id: Item.ID
        let folderID: Folder.ID
        let serverID: String
        let className: String
        let properties: Data
        let raw: Data?
        let modSeq: Int64

        init(_ row: Row) {
            id = row["id"]
            folderID = row["folder_id"]
            serverID = row["server_id"]
            className = row["class"]
            properties = row["properties"]
            raw = row["raw"]
            modSeq = row["modseq"]
        }

        func item() throws -> Item {
            Item(
                id: id, folderID: folderID, serverID: serverID,
                content: try ItemCoding.content(className: className, properties: properties, raw: raw),
                modSeq: ModSeq(rawValue: modSeq))
        }
    }
}
