import ActiveSync
import Foundation
public import TernStore
import TernSync

extension Administration {
    /// Every device, or those of `login` (matched without regard to case), with the items
    /// each is not being sent unless `withheldItems` is false (a look-up per device, which
    /// the web console, polling every two seconds, does not show).
    public func devices(of login: String?, withheldItems: Bool = true) async throws -> [DeviceSummary] {
        let users = try await store.users()
        let logins = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.login) })
        var owner: User.ID?
        if let login {
            guard let found = users.first(where: { $0.login.caseInsensitiveCompare(login) == .orderedSame }) else {
                throw AdministrationError(.notFound, "no user \(login)")
            }
            owner = found.id
        }
        var summaries: [DeviceSummary] = []
        for device in try await store.devices(of: owner) {
            let withheld = try await (withheldItems ? SyncEngine.withheldItems(of: device.id, in: store) : []).map {
                DeviceSummary.WithheldItem(collectionID: $0.collectionID, serverID: $0.serverID, reason: $0.reason)
            }
            summaries.append(DeviceSummary(device, login: logins[device.userID] ?? "?", withheld: withheld))
        }
        return summaries
    }

    /// Marks the device for a remote wipe (with `accountOnly`, a 16.1 account-only wipe),
    /// which it receives at its next request.
    @discardableResult
    public func wipe(login: String, deviceID: String, accountOnly: Bool) async throws -> DeviceSummary {
        try await updateDevice(login: login, deviceID: deviceID) {
            $0.wipe = .requested(accountOnly: accountOnly, at: Date())
        }
    }

    /// Refuses every request of the device from now on.
    @discardableResult
    public func block(login: String, deviceID: String) async throws -> DeviceSummary {
        try await updateDevice(login: login, deviceID: deviceID) { $0.isBlocked = true }
    }

    /// Lifts a block, an autoblock or a completed wipe; the device provisions afresh.
    @discardableResult
    public func allow(login: String, deviceID: String) async throws -> DeviceSummary {
        try await updateDevice(login: login, deviceID: deviceID) { device in
            device.isBlocked = false
            device.autoblock = nil
            device.userAgents = nil
            device.wipe = .none
            device.wipeFailedAt = nil
            device.provisioning = .unprovisioned
        }
    }

    /// Starts (or with nil stops) writing the device's decoded requests and responses to its
    /// trace file in the server's data folder.
    @discardableResult
    public func trace(login: String, deviceID: String, _ trace: DeviceTrace?) async throws -> DeviceSummary {
        try await updateDevice(login: login, deviceID: deviceID) { $0.trace = trace }
    }

    /// Forgets the device and its sync state; seen again it is a new device, which
    /// provisions afresh and carries no wipe or block.
    public func remove(login: String, deviceID: String) async throws {
        try await store.removeDevice(try await device(login: login, deviceID: deviceID).id)
    }

    /// Makes the device sync everything again: its sync states are forgotten, so its next
    /// FolderSync and Sync start over from key 0.
    public func resync(login: String, deviceID: String) async throws {
        try await store.removeSyncStates(of: try await device(login: login, deviceID: deviceID).id)
    }

    private func device(login: String, deviceID: String) async throws -> Device {
        guard let device = try await store.device(of: try await user(login).id, deviceID: deviceID) else {
            throw AdministrationError(.notFound, "\(login) has no device \(deviceID)")
        }
        return device
    }

    private func updateDevice(login: String, deviceID: String, _ change: (inout Device) -> Void) async throws
        -> DeviceSummary
    {
        let owner = try await user(login)
        guard var device = try await store.device(of: owner.id, deviceID: deviceID) else {
            throw AdministrationError(.notFound, "\(login) has no device \(deviceID)")
        }
        change(&device)
        return DeviceSummary(try await store.saveDevice(device), login: owner.login)
    }
}
