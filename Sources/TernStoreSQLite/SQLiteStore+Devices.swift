import Foundation
import GRDB
public import TernStore

extension SQLiteStore {
    /// `policies.scope` of the default policy; user overrides use the user's id (always > 0).
    private static let defaultPolicyScope: Int64 = 0

    public func device(of userID: User.ID, deviceID: String) async throws(StoreError) -> Device? {
        try await read { db in
            try Row.fetchOne(db, literal: "SELECT * FROM devices WHERE user_id = \(userID) AND device_id = \(deviceID)")
                .map(Self.device)
        }
    }

    public func devices(of userID: User.ID?) async throws(StoreError) -> [Device] {
        try await read { db in
            let rows =
                if let userID {
                    try Row.fetchAll(db, literal: "SELECT * FROM devices WHERE user_id = \(userID) ORDER BY id")
                } else {
                    try Row.fetchAll(db, literal: "SELECT * FROM devices ORDER BY user_id, id")
                }
            return try rows.map(Self.device)
        }
    }

    public func saveDevice(_ device: Device) async throws(StoreError) -> Device {
        let (saved, logged) = try await writeWithoutChange { db in
            let existing = try Row.fetchOne(
                db,
                literal: """
                    SELECT * FROM devices WHERE user_id = \(device.userID) AND device_id = \(device.deviceID)
                    """)
            let saved: Device
            if let existing {
                saved = Self.withID(device, existing["id"])
                try db.executeCached(
                    literal: "UPDATE devices SET document = \(try JSONEncoder().encode(saved)) WHERE id = \(saved.id)")
            } else {
                try db.executeCached(
                    literal: """
                        INSERT INTO devices (user_id, device_id, document) VALUES (\(device.userID), \(device.deviceID), \(Data("{}".utf8)))
                        """)
                saved = Self.withID(device, db.lastInsertedRowID)
                try db.executeCached(
                    literal: "UPDATE devices SET document = \(try JSONEncoder().encode(saved)) WHERE id = \(saved.id)")
            }
            // Every request saves its device (last seen); only a change of what the policy
            // gate decides on is worth waking the device's held Ping for.
            let changesAccess = try existing.map { Self.accessDiffers(try Self.device($0), saved) } ?? false
            if changesAccess {
                try db.executeCached(
                    literal: """
                        INSERT INTO commit_log (user_id, modseq, device_id, hierarchy) VALUES (\(saved.userID), 0, \(saved.id), 0)
                        """)
            }
            return (saved, changesAccess)
        }
        if logged { feed.committed() }
        return saved
    }

    public func removeDevice(_ id: Device.ID) async throws(StoreError) {
        try await forget(device: id, ["DELETE FROM devices WHERE id = \(id)"])
    }

    public func removeSyncStates(of deviceID: Device.ID) async throws(StoreError) {
        try await forget(
            device: deviceID,
            [
                "DELETE FROM sync_states WHERE device_id = \(deviceID)",
                "DELETE FROM client_adds WHERE device_id = \(deviceID)",
            ])
    }

    /// Runs `statements` about device `id` (sync states and client adds go with the device by
    /// cascade) and logs a device change, so that its held request is woken.
    private func forget(device id: Device.ID, _ statements: [SQL]) async throws(StoreError) {
        let found = try await writeWithoutChange { db in
            guard let userID = try Int64.fetchOne(db, literal: "SELECT user_id FROM devices WHERE id = \(id)") else {
                return false
            }
            for statement in statements { try db.executeCached(literal: statement) }
            try db.executeCached(
                literal:
                    "INSERT INTO commit_log (user_id, modseq, device_id, hierarchy) VALUES (\(userID), 0, \(id), 0)")
            return true
        }
        guard found else { throw StoreError(.notFound, "no device \(id)") }
        feed.committed()
    }

    public func defaultPolicy() async throws(StoreError) -> StoredPolicy {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, literal: "SELECT * FROM policies WHERE scope = \(Self.defaultPolicyScope)")
            else {
                return StoredPolicy(policy: DevicePolicy(), version: 0, isUserOverride: false)
            }
            return try Self.storedPolicy(row)
        }
    }

    public func effectivePolicy(for userID: User.ID) async throws(StoreError) -> StoredPolicy {
        try await read { db in
            let row =
                try Row.fetchOne(db, literal: "SELECT * FROM policies WHERE scope = \(userID)")
                ?? Row.fetchOne(db, literal: "SELECT * FROM policies WHERE scope = \(Self.defaultPolicyScope)")
            guard let row else { return StoredPolicy(policy: DevicePolicy(), version: 0, isUserOverride: false) }
            return try Self.storedPolicy(row)
        }
    }

    public func setPolicy(_ policy: DevicePolicy, for userID: User.ID?) async throws(StoreError) -> StoredPolicy {
        let scope = userID ?? Self.defaultPolicyScope
        let stored = try await writeWithoutChange { db in
            // One version counter across all scopes, so a change anywhere is a new version.
            let version = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(version), 0) FROM policies") ?? 0) + 1
            try db.executeCached(
                literal: """
                    INSERT OR REPLACE INTO policies (scope, document, version) VALUES (\(scope), \(try JSONEncoder().encode(policy)), \(version))
                    """)
            try db.executeCached(
                literal: "INSERT INTO commit_log (user_id, modseq, policy, hierarchy) VALUES (\(scope), 0, 1, 0)")
            return StoredPolicy(policy: policy, version: version, isUserOverride: userID != nil)
        }
        feed.committed()
        return stored
    }

    /// Whether what `DeviceAccess` decides on differs between two versions of a device.
    private static func accessDiffers(_ before: Device, _ after: Device) -> Bool {
        before.provisioning != after.provisioning || before.wipe != after.wipe || before.isBlocked != after.isBlocked
    }

    private static func withID(_ device: Device, _ id: Device.ID) -> Device {
        var saved = device
        saved.id = id
        return saved
    }

    private static func device(_ row: Row) throws -> Device {
        try JSONDecoder().decode(Device.self, from: row["document"] as Data)
    }

    private static func storedPolicy(_ row: Row) throws -> StoredPolicy {
        let scope: Int64 = row["scope"]
        return StoredPolicy(
            policy: try JSONDecoder().decode(DevicePolicy.self, from: row["document"] as Data), version: row["version"],
            isUserOverride: scope != defaultPolicyScope)
    }
}
