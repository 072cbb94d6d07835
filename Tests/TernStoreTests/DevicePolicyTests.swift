import ActiveSync
import Foundation
import TernStore
import TernTesting
import Testing

@Suite(.droppingPostgresSchemas)
struct DevicePolicyTests {
    @Test(arguments: StoreBackend.allCases)
    func devicesRoundTripWithProvisioningAndWipeState(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let seen = Date(timeIntervalSince1970: 1_790_000_000)
        let new = Device(
            id: 0, userID: fixture.user.id, deviceID: "ApplF17XK2QJ", deviceType: "iPhone",
            information: DeviceInformation(
                model: "iPhone16,1", operatingSystem: "iOS 18.1", userAgent: "Apple-iPhone16C1/2201.1"),
            protocolVersion: "16.1", firstSeen: seen, lastSeen: seen)
        var device = try await fixture.store.saveDevice(new)
        #expect(device.id > 0)
        device.provisioning = .provisioned(key: 3_141_592_653, policyVersion: 2)
        device.wipe = .requested(accountOnly: true, at: seen.addingTimeInterval(60))
        device.lastSeen = seen.addingTimeInterval(120)
        let saved = try await fixture.store.saveDevice(device)
        #expect(saved.id == device.id)
        let reopened = try await fixture.reopen()
        #expect(try await reopened.device(of: fixture.user.id, deviceID: "ApplF17XK2QJ") == device)
        #expect(try await reopened.devices(of: nil) == [device])
        #expect(try await reopened.devices(of: fixture.user.id + 1).isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func aUserOverrideWinsOverTheDefaultAndEveryChangeIsANewVersion(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let builtIn = try await fixture.store.effectivePolicy(for: fixture.user.id)
        #expect(builtIn.version == 0 && !builtIn.policy.devicePasswordEnabled)
        let strict = DevicePolicy(
            devicePasswordEnabled: true, minDevicePasswordLength: 6, maxDevicePasswordFailedAttempts: 8)
        let defaultPolicy = try await fixture.store.setPolicy(strict, for: nil)
        #expect(try await fixture.store.effectivePolicy(for: fixture.user.id) == defaultPolicy)
        var relaxed = strict
        relaxed.minDevicePasswordLength = 4
        let override = try await fixture.store.setPolicy(relaxed, for: fixture.user.id)
        #expect(override.version > defaultPolicy.version)
        let effective = try await fixture.store.effectivePolicy(for: fixture.user.id)
        #expect(effective.policy == relaxed && effective.isUserOverride)
    }
}
