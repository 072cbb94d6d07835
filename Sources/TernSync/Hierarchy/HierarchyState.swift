import Foundation
import TernStore

/// What a device knows of a user's folder hierarchy under one sync key: the modseq it has
/// seen and the folders it holds, so that a change is an Add or an Update for this device
/// and a delete of a folder it never had is not sent.
struct HierarchyState: Hashable, Codable {
    var modSeq: ModSeq
    var serverIDs: Set<String>

    /// The store's collection name for the hierarchy.
    static let collection = ""

    init(modSeq: ModSeq, serverIDs: Set<String>) {
        self.modSeq = modSeq
        self.serverIDs = serverIDs
    }

    init(_ record: SyncStateRecord) throws(StoreError) {
        do {
            self = try JSONDecoder().decode(Self.self, from: record.state)
        } catch {
            throw StoreError(.invalid, "unreadable hierarchy state: \(error)")
        }
    }

    func record(key: Int) throws(StoreError) -> SyncStateRecord {
        do {
            return SyncStateRecord(key: key, state: try JSONEncoder().encode(self))
        } catch {
            throw StoreError(.invalid, "cannot encode hierarchy state: \(error)")
        }
    }
}
