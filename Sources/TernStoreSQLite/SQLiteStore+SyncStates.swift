import Foundation
import GRDB
public import TernStore

extension SQLiteStore {
    public func syncStates(of deviceID: Device.ID, collection: String) async throws(StoreError) -> SyncStates? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    literal: """
                        SELECT * FROM sync_states WHERE device_id = \(deviceID) AND collection = \(collection)
                        """)
            else { return nil }
            let current = SyncStateRecord(key: row["current_key"], state: row["current_state"])
            let previousKey: Int? = row["previous_key"]
            let previousState: Data? = row["previous_state"]
            let previous = previousKey.flatMap { key in previousState.map { SyncStateRecord(key: key, state: $0) } }
            return SyncStates(current: current, previous: previous)
        }
    }

    public func currentSyncStates(of deviceID: Device.ID) async throws(StoreError) -> [String: SyncStateRecord] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                literal: "SELECT collection, current_key, current_state FROM sync_states WHERE device_id = \(deviceID)")
            return Dictionary(
                uniqueKeysWithValues: rows.map { row in
                    (row["collection"] as String, SyncStateRecord(key: row["current_key"], state: row["current_state"]))
                })
        }
    }

    public func saveSyncStates(_ states: SyncStates, of deviceID: Device.ID, collection: String)
        async throws(StoreError)
    {
        try await writeWithoutChange { db in
            try db.executeCached(
                literal: """
                    INSERT OR REPLACE INTO sync_states (device_id, collection, current_key, current_state, previous_key, previous_state)
                    VALUES (\(deviceID), \(collection), \(states.current.key), \(states.current.state),
                            \(states.previous?.key), \(states.previous?.state))
                    """)
            try db.executeCached(
                literal: """
                    DELETE FROM client_adds WHERE device_id = \(deviceID) AND collection = \(collection)
                    AND sync_key < \(states.previous?.key ?? states.current.key)
                    """)
        }
    }
}
