import GRDB
import TernStore

extension ItemCoding {
    /// Reads an `items` row joined with `messages.raw`.
    static func item(_ row: Row) throws -> Item {
        try StoredItem(row).item()
    }

    /// Reads many `items` rows joined with `messages.raw`.
    static func items(_ rows: [Row]) throws -> [Item] {
        try items(rows.map(StoredItem.init))
    }
}

extension StoredItem {
    /// An `items` row's columns, copied out of GRDB's `Row` so other threads may decode them.
    init(_ row: Row) {
        self.init(
            id: row["id"], folderID: row["folder_id"], serverID: row["server_id"], className: row["class"],
            properties: row["properties"], raw: row["raw"], modSeq: row["modseq"])
    }
}
