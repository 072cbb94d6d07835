import ActiveSync
package import Foundation

/// How every store backend keeps an item's content: its class, its properties (email in the
/// compact form of `EmailPropertiesCoding`, the other classes as JSON), and for email the
/// message bytes in a table of their own, so that listing items never loads bodies. One
/// coding for all backends, so that a store copied from one to another reads the same.
package enum ItemCoding {
    package static func className(_ content: ItemContent) -> String { content.itemClass.rawValue }

    package static func properties(_ content: ItemContent) throws(StoreError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do {
            switch content {
            case .email(let email): return EmailPropertiesCoding.encode(email.properties)
            case .contact(let contact): return try encoder.encode(contact)
            case .event(let event): return try encoder.encode(event)
            case .task(let task): return try encoder.encode(task)
            case .note(let note): return try encoder.encode(note)
            }
        } catch {
            throw StoreError(.invalid, "cannot encode the \(content.itemClass) item: \(error)")
        }
    }

    package static func content(className: String, properties: Data, raw: Data?) throws -> ItemContent {
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

    /// Decodes many stored items, on all cores when there are enough to be worth it: the
    /// stored properties are most of the cost of reading a Sync window of 512 items.
    package static func items(_ stored: [StoredItem]) throws -> [Item] {
        let chunkSize = 64
        guard stored.count > chunkSize else { return try stored.map { try $0.item() } }
        let chunkCount = (stored.count + chunkSize - 1) / chunkSize
        var decoded = [Result<Item, any Error>?](repeating: nil, count: stored.count)
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
}

/// An item's columns as a backend read them, before decoding: a plain value other threads
/// may decode.
package struct StoredItem: Sendable {
    package let id: Item.ID
    package let folderID: Folder.ID
    package let serverID: String
    package let className: String
    package let properties: Data
    package let raw: Data?
    package let modSeq: Int64

    package init(
        id: Item.ID, folderID: Folder.ID, serverID: String, className: String, properties: Data, raw: Data?,
        modSeq: Int64
    ) {
        self.id = id
        self.folderID = folderID
        self.serverID = serverID
        self.className = className
        self.properties = properties
        self.raw = raw
        self.modSeq = modSeq
    }

    package func item() throws -> Item {
        Item(
            id: id, folderID: folderID, serverID: serverID,
            content: try ItemCoding.content(className: className, properties: properties, raw: raw),
            modSeq: ModSeq(rawValue: modSeq))
    }
}
