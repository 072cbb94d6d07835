import ActiveSync
import Foundation
import TernStore

/// The interval and folders of a device's last Ping, which a later Ping may leave out
/// (MS-ASCMD 3.1.5.8). Kept in the store as the sync state of collection `#ping`, so an
/// empty Ping still works after a restart.
struct PingParameters: Hashable, Codable {
    var heartbeatInterval: Int?
    var folders: [PingFolder]?

    /// No folder server id starts with `#`.
    static let collection = "#ping"

    static func load(_ store: any Store, deviceID: Device.ID) async throws -> PingParameters? {
        guard let record = try await store.syncStates(of: deviceID, collection: collection)?.current else { return nil }
        return try? JSONDecoder().decode(PingParameters.self, from: record.state)
    }

    func save(_ store: any Store, deviceID: Device.ID) async throws {
        let record = SyncStateRecord(key: 1, state: try JSONEncoder().encode(self))
        try await store.saveSyncStates(SyncStates(current: record), of: deviceID, collection: Self.collection)
    }

    /// This request's values, falling back to the cached ones element by element.
    func merged(over cached: PingParameters?) -> PingParameters {
        PingParameters(
            heartbeatInterval: heartbeatInterval ?? cached?.heartbeatInterval, folders: folders ?? cached?.folders)
    }
}
