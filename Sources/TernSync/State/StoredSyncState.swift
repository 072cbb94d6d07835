import Foundation
import TernStore

/// A state TernSync keeps in the store as an opaque `SyncStateRecord`, encoded as JSON.
protocol StoredSyncState: Codable {}

extension StoredSyncState {
    init(_ record: SyncStateRecord) throws(StoreError) {
        do {
            self = try JSONDecoder().decode(Self.self, from: record.state)
        } catch {
            throw StoreError(.invalid, "unreadable \(Self.self): \(error)")
        }
    }

    func record(key: Int) throws(StoreError) -> SyncStateRecord {
        do {
            return SyncStateRecord(key: key, state: try JSONEncoder().encode(self))
        } catch {
            throw StoreError(.invalid, "cannot encode \(Self.self): \(error)")
        }
    }
}
