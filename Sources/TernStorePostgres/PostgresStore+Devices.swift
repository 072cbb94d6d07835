import Foundation
import PostgresNIO
public import TernStore

extension PostgresStore {
    /// `policies.scope` of the default policy; user overrides use the user's id (always > 0).
    private static let defaultPolicyScope: Int64 = 0

    public func device(of userID: User.ID, deviceID: String) async throws(StoreError) -> Device? {
        try await readStatement { session in
            try await Self.devices(
                session, "SELECT document FROM devices WHERE user_id = \(userID) AND device_id = \(deviceID)"
            ).first
        }
    }

    public func devices(of userID: User.ID?) async throws(StoreError) -> [Device] {
        try await readStatement { session in
            if let userID {
                try await Self.devices(session, "SELECT document FROM devices WHERE user_id = \(userID) ORDER BY id")
            } else {
                try await Self.devices(session, "SELECT document FROM devices ORDER BY user_id, id")
            }
        }
    }

    public func saveDevice(_ device: Device) async throws(StoreError) -> Device {
        let (saved, logged) = try await writeWithoutChange { session -> (Device, LoggedCommit?) in
            // A device seen for the first time on two nodes at once is inserted once: the
            // second insert waits for the first and then finds its row.
            let inserted = try await session.value(
                Int64.self,
                """
                INSERT INTO devices (user_id, device_id, document) VALUES (\(device.userID), \(device.deviceID), \(Data("{}".utf8)))
                ON CONFLICT (user_id, device_id) DO NOTHING RETURNING id
                """)
            guard
                let row = try await session.rows(
                    """
                    SELECT id, document FROM devices WHERE user_id = \(device.userID) AND device_id = \(device.deviceID)
                    FOR UPDATE
                    """
                ).first
            else { throw StoreError(.notFound, "device \(device.deviceID) vanished while it was saved") }
            let (id, document) = try row.decode((Int64, Data).self)
            var saved = device
            saved.id = id
            try await session.run(
                "UPDATE devices SET document = \(try JSONEncoder().encode(saved)) WHERE id = \(saved.id)")
            // Every request saves its device (last seen); only a change of what the policy
            // gate decides on is worth waking the device's held Ping for.
            guard inserted == nil, Self.accessDiffers(try JSONDecoder().decode(Device.self, from: document), saved)
            else { return (saved, nil) }
            return (saved, try await ChangeLogEntry(userID: saved.userID, deviceID: saved.id).append(in: session))
        }
        if let logged { feed.committed(logged) }
        return saved
    }

    public func removeDevice(_ id: Device.ID) async throws(StoreError) {
        try await forget(device: id) { session in
            try await session.run("DELETE FROM devices WHERE id = \(id)")
        }
    }

    public func removeSyncStates(of deviceID: Device.ID) async throws(StoreError) {
        try await forget(device: deviceID) { session in
            try await session.run("DELETE FROM sync_states WHERE device_id = \(deviceID)")
            try await session.run("DELETE FROM client_adds WHERE device_id = \(deviceID)")
        }
    }

    /// Runs `statements` about device `id` (sync states and client adds go with the device by
    /// cascade) and logs a device change, so that its held request is woken.
    private func forget(device id: Device.ID, _ statements: (PostgresSession) async throws -> Void)
        async throws(StoreError)
    {
        let logged = try await writeWithoutChange { session -> LoggedCommit? in
            guard let userID = try await session.value(Int64.self, "SELECT user_id FROM devices WHERE id = \(id)")
            else { return nil }
            try await statements(session)
            return try await ChangeLogEntry(userID: userID, deviceID: id).append(in: session)
        }
        guard let logged else { throw StoreError(.notFound, "no device \(id)") }
        feed.committed(logged)
    }

    public func defaultPolicy() async throws(StoreError) -> StoredPolicy {
        try await readStatement { session in
            try await Self.storedPolicy(
                session, "SELECT document, version, scope FROM policies WHERE scope = \(Self.defaultPolicyScope)")
                ?? StoredPolicy(policy: DevicePolicy(), version: 0, isUserOverride: false)
        }
    }

    public func effectivePolicy(for userID: User.ID) async throws(StoreError) -> StoredPolicy {
        // The user's override sorts before the default (user ids are above 0).
        try await readStatement { session in
            try await Self.storedPolicy(
                session,
                """
                SELECT document, version, scope FROM policies WHERE scope IN (\(userID), \(Self.defaultPolicyScope))
                ORDER BY scope DESC LIMIT 1
                """) ?? StoredPolicy(policy: DevicePolicy(), version: 0, isUserOverride: false)
        }
    }

    public func setPolicy(_ policy: DevicePolicy, for userID: User.ID?) async throws(StoreError) -> StoredPolicy {
        let scope = userID ?? Self.defaultPolicyScope
        let document: Data
        do { document = try JSONEncoder().encode(policy) } catch { throw StoreError(.invalid, "\(error)") }
        let (stored, logged) = try await writeWithoutChange { session -> (StoredPolicy, LoggedCommit) in
            // One version counter across all scopes, so a change anywhere is a new version;
            // the table lock makes concurrent changes take versions one after another.
            try await session.run("LOCK TABLE policies IN SHARE ROW EXCLUSIVE MODE")
            let version =
                (try await session.value(Int64.self, "SELECT COALESCE(MAX(version), 0) FROM policies") ?? 0) + 1
            try await session.run(
                """
                INSERT INTO policies (scope, document, version) VALUES (\(scope), \(document), \(version))
                ON CONFLICT (scope) DO UPDATE SET document = excluded.document, version = excluded.version
                """)
            let stored = StoredPolicy(policy: policy, version: version, isUserOverride: userID != nil)
            // The default policy's stream is numbered by version (see `LoggedCommit`).
            let entry =
                if let userID {
                    ChangeLogEntry(userID: userID, policyChanged: true)
                } else {
                    ChangeLogEntry(userID: StoreChange.everyUser, defaultPolicyVersion: version, policyChanged: true)
                }
            return (stored, try await entry.append(in: session))
        }
        feed.committed(logged)
        return stored
    }

    /// Whether what `DeviceAccess` decides on differs between two versions of a device.
    private static func accessDiffers(_ before: Device, _ after: Device) -> Bool {
        before.provisioning != after.provisioning || before.wipe != after.wipe || before.isBlocked != after.isBlocked
    }

    private static func devices(_ session: PostgresSession, _ query: PostgresQuery) async throws -> [Device] {
        try await session.rows(query).map { row in
            try JSONDecoder().decode(Device.self, from: try row.decode(Data.self))
        }
    }

    /// The policy a query of `document, version, scope` finds first.
    private static func storedPolicy(_ session: PostgresSession, _ query: PostgresQuery) async throws -> StoredPolicy? {
        guard let row = try await session.rows(query).first else { return nil }
        let (document, version, scope) = try row.decode((Data, Int64, Int64).self)
        return StoredPolicy(
            policy: try JSONDecoder().decode(DevicePolicy.self, from: document), version: version,
            isUserOverride: scope != defaultPolicyScope)
    }
}
