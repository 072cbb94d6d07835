import ActiveSync
import Foundation
import TernServer
import TernStore
import TernStoreSQLite
import Testing

@testable import TernClient

/// The PIN as the device enforces it against a real server: no policy acknowledged without
/// one, the inactivity lock, and the data key that only the PIN opens.
@Suite struct DeviceLockTests {
    static let policy = DevicePolicy(
        devicePasswordEnabled: true, minDevicePasswordLength: 6, allowSimpleDevicePassword: false,
        maxDevicePasswordFailedAttempts: 4, maxInactivityTimeDeviceLock: 5)

    @Test func setupStopsForAPINAndTheNextSessionAfterPinSetProvisions() async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        _ = try await server.store.setPolicy(Self.policy, for: nil)
        let error = await #expect(throws: ClientError.self) { try await server.setUpDevice("phone") }
        #expect(error?.kind == .pinRequired)
        var profile = try DeviceProfile.load(from: server.profile("phone"))
        #expect(
            profile.record.policyKey == nil && profile.record.pinPolicy.minimumLength == 6,
            "the policy is kept, not acknowledged")
        let device = try #require(try await server.store.device(of: server.user.id, deviceID: "phone"))
        if case .provisioned = device.provisioning { Issue.record("the server holds the device as provisioned") }

        let weak = #expect(throws: ClientError.self) { try profile.setPIN("4321") }
        #expect(weak?.kind == .pinRequired)
        guard case .open(let unwrapped)? = profile.record.cacheKey else {
            Issue.record("a device without PIN keeps its key as it is")
            return
        }
        try profile.setPIN("862419")
        #expect(
            try profile.record.pinProtection?.unwrap("862419")?.bytes != unwrapped,
            "the first PIN starts a new data key")
        let phone = try await DeviceSession.open(server.profile("phone"))
        defer { Task { await phone.close() } }
        #expect(await phone.profile.record.policyKey != nil)
        guard case .provisioned? = try await server.store.device(of: server.user.id, deviceID: "phone")?.provisioning
        else {
            Issue.record("the device did not acknowledge the policy")
            return
        }
    }

    @Test func theDeviceLocksWhenUnusedAndOpensWithThePINOnly() async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        await (try await server.setUpDevice("phone")).close()
        _ = try await server.store.setPolicy(Self.policy, for: nil)
        let refresh = await #expect(throws: ClientError.self) { try await Self.syncOnce(server) }
        #expect(refresh?.kind == .pinRequired, "a policy that now needs a PIN stops the device at its next Provision")

        var profile = try DeviceProfile.load(from: server.profile("phone"))
        try profile.setPIN("862419")
        try await Self.syncOnce(server)
        // Six seconds later, past the five-second inactivity lock.
        let later = Date().addingTimeInterval(6)
        let locked = await #expect(throws: ClientError.self) {
            try await DeviceSession.open(server.profile("phone"), now: later)
        }
        #expect(
            locked?.kind == .locked && locked?.message.contains("locked itself after 5 s unused") == true,
            "\(String(describing: locked))")
        #expect(!FileManager.default.fileExists(atPath: server.profile("phone").appending(path: "session.json").path))

        let wrong = await #expect(throws: ClientError.self) {
            try await DeviceSession.open(server.profile("phone"), pin: "000000")
        }
        #expect(wrong?.kind == .locked)
        #expect(try DeviceProfile.load(from: server.profile("phone")).record.pinProtection?.failedAttempts == 1)
        let phone = try await DeviceSession.open(server.profile("phone"), pin: "862419")
        await phone.close()
        #expect(
            try DeviceProfile.load(from: server.profile("phone")).record.pinProtection?.failedAttempts == 0,
            "a right PIN resets the count")
    }

    @Test func aWrappedKeyOpensWithItsPINAlone() throws {
        let key = CacheKey.random()
        let wrapped = try PINProtectedKey(wrapping: key, pin: "862419", rounds: 1 << 10)
        #expect(try wrapped.unwrap("862419")?.bytes == key.bytes)
        #expect(try wrapped.unwrap("862418") == nil)
        let sealed = try key.seal("hello", context: "item 1")
        #expect(try key.openText(sealed, context: "item 1") == "hello")
        #expect(throws: (any Error).self, "a box moved to another row does not open") {
            try key.open(sealed, context: "item 2")
        }
    }

    private static func syncOnce(_ server: LoopbackServer) async throws {
        let phone = try await DeviceSession.open(server.profile("phone"))
        do {
            _ = try await phone.syncAll()
            await phone.close()
        } catch {
            await phone.close()
            throw error
        }
    }
}
