import Foundation
import PostgresNIO
public import TernStore

extension PostgresStore {
    public func syncStates(of deviceID: Device.ID, collection: String) async throws(StoreError) -> SyncStates? {
        try await readStatement { session in
            guard
                let row = try await session.rows(
                    """
                    SELECT current_key, current_state, previous_key, previous_state FROM sync_states
                    WHERE device_id = \(deviceID) AND collection = \(collection)
                    """
                ).first
            else { return nil }
            let (currentKey, currentState, previousKey, previousState) = try row.decode(
                (Int, Data, Int?, Data?).self)
            let previous = previousKey.flatMap { key in previousState.map { SyncStateRecord(key: key, state: $0) } }
            return SyncStates(current: SyncStateRecord(key: currentKey, state: currentState), previous: previous)
        }
    }

    public func currentSyncStates(of deviceID: Device.ID) async throws(StoreError) -> [String: SyncStateRecord] {
        try await readStatement { session in
            let rows = try await session.rows(
                "SELECT collection, current_key, current_state FROM sync_states WHERE device_id = \(deviceID)")
            return Dictionary(
                uniqueKeysWithValues: try rows.map { row in
                    let (collection, key, state) = try row.decode((String, Int, Data).self)
                    return (collection, SyncStateRecord(key: key, state: state))
                })
        }
    }

    public func saveSyncStates(_ states: SyncStates, of deviceID: Device.ID, collection: String)
        async throws(StoreError)
    {
        try await writeWithoutChange { session in
            try await session.run(
                """
                INSERT INTO sync_states (device_id, collection, current_key, current_state, previous_key, previous_state)
                VALUES (\(deviceID), \(collection), \(states.current.key), \(states.current.state),
                \(states.previous?.key), \(states.previous?.state))
                ON CONFLICT (device_id, collection) DO UPDATE SET current_key = excluded.current_key,
                current_state = excluded.current_state, previous_key = excluded.previous_key,
                previous_state = excluded.previous_state
                """)
            try await session.run(
                """
                DELETE FROM client_adds WHERE device_id = \(deviceID) AND collection = \(collection)
                AND sync_key < \(states.previous?.key ?? states.current.key)
                """)
        }
    }
}
