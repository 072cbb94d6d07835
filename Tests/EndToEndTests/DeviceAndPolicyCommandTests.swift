import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// `tern device` and `tern policy` against a store a device has been recorded in.
struct DeviceAndPolicyCommandTests {
    static let tern = ChildProcess.builtProduct("tern")

    private func tern(_ arguments: [String], _ data: TemporaryDirectory) throws -> (
        status: Int32, output: String, error: String
    ) {
        let result = try ChildProcess(Self.tern, arguments + ["--data", data.path]).run()
        return (result.status, String(decoding: result.standardOutput, as: UTF8.self), result.standardError)
    }

    private func setUp() async throws -> (TemporaryDirectory, SQLiteStore, User) {
        let data = try TemporaryDirectory("tern-device")
        let store = try SQLiteStore(dataDirectory: data.path)
        let user = try await store.createUser(
            NewUser(login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna", passwordHash: "x"))
        _ = try await store.saveDevice(
            Device(
                id: 0, userID: user.id, deviceID: "ApplF17XK2QJ", deviceType: "iPhone",
                information: DeviceInformation(model: "iPhone16,1"), protocolVersion: "16.1",
                provisioning: .provisioned(key: 1_234_567, policyVersion: 0), firstSeen: Date(), lastSeen: Date()))
        return (data, store, user)
    }

    @Test func wipeBlockAndAllowChangeTheStoredDeviceAndShowInTheList() async throws {
        let (data, store, user) = try await setUp()
        defer { data.remove() }
        let listed = try tern(["device", "list"], data)
        #expect(
            listed.output.contains(
                "anna  ApplF17XK2QJ  iPhone  iPhone16,1  16.1      just now   provisioned (policy 0)  -"))

        #expect(
            try tern(["device", "wipe", "anna", "ApplF17XK2QJ", "--account-only"], data).output
                == "account wipe requested for anna/ApplF17XK2QJ\n")
        guard
            case .requested(accountOnly: true, _)? = try await store.device(of: user.id, deviceID: "ApplF17XK2QJ")?.wipe
        else {
            Issue.record("wipe not recorded")
            return
        }
        let json = try tern(["device", "list", "--user", "anna", "--json"], data)
        let devices = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
        let wipe = devices?.first?["wipe"] as? [String: Any]
        #expect(wipe?["state"] as? String == "pending" && wipe?["accountOnly"] as? Bool == true)
        #expect(
            try tern(["device", "list"], data).output.contains("account wipe pending"), "the table puts it in words")

        _ = try tern(["device", "block", "anna", "ApplF17XK2QJ"], data)
        #expect(try await store.device(of: user.id, deviceID: "ApplF17XK2QJ")?.isBlocked == true)
        _ = try tern(["device", "allow", "anna", "ApplF17XK2QJ"], data)
        let allowed = try #require(try await store.device(of: user.id, deviceID: "ApplF17XK2QJ"))
        #expect(!allowed.isBlocked && allowed.wipe == .none && allowed.provisioning == .unprovisioned)

        let unknown = try tern(["device", "wipe", "anna", "NoSuchDevice"], data)
        #expect(unknown.status == 1 && unknown.error == "tern: anna has no device NoSuchDevice\n")
    }

    @Test func resyncForgetsTheSyncStateAndRemoveTheDevice() async throws {
        let (data, store, user) = try await setUp()
        defer { data.remove() }
        let device = try #require(try await store.device(of: user.id, deviceID: "ApplF17XK2QJ"))
        try await store.saveSyncStates(
            SyncStates(current: SyncStateRecord(key: 4, state: Data("{}".utf8))), of: device.id, collection: "1")
        #expect(
            try tern(["device", "resync", "anna", "ApplF17XK2QJ"], data).output
                == "resync requested for anna/ApplF17XK2QJ\n")
        #expect(try await store.syncStates(of: device.id, collection: "1") == nil)
        #expect(try tern(["device", "remove", "anna", "ApplF17XK2QJ"], data).output == "removed anna/ApplF17XK2QJ\n")
        #expect(try await store.device(of: user.id, deviceID: "ApplF17XK2QJ") == nil)
        let again = try tern(["device", "remove", "anna", "ApplF17XK2QJ"], data)
        #expect(again.status == 1 && again.error == "tern: anna has no device ApplF17XK2QJ\n")
    }

    @Test func policySettingsAreShownAndSetByTheirProvisionDocNames() async throws {
        let (data, store, user) = try await setUp()
        defer { data.remove() }
        let shown = try tern(["policy", "show"], data)
        #expect(shown.output.hasPrefix("# default, version 0\nDevicePasswordEnabled               0\n"))

        #expect(
            try tern(["policy", "set", "DevicePasswordEnabled", "1"], data).output
                == "policy version 1: DevicePasswordEnabled = 1\n")
        #expect(try tern(["policy", "set", "minDevicePasswordLength", "6", "--user", "anna"], data).status == 0)
        let effective = try await store.effectivePolicy(for: user.id)
        #expect(
            effective.isUserOverride && effective.policy.devicePasswordEnabled
                && effective.policy.minDevicePasswordLength == 6)
        #expect(try await store.defaultPolicy().policy.minDevicePasswordLength == 4)

        let badKey = try tern(["policy", "set", "PinLength", "6"], data)
        #expect(
            badKey.status == 1
                && badKey.error.hasPrefix(
                    "tern: invalid: unknown policy setting PinLength; known: DevicePasswordEnabled,")
        )
        let badValue = try tern(["policy", "set", "MaxAttachmentSize", "big"], data)
        #expect(badValue.error == "tern: invalid: MaxAttachmentSize does not take the value big (a number or none)\n")
    }
}
