import ActiveSync
import Foundation
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// What ends a held Ping: a change in a watched folder (in this process or from a `tern`
/// child process), a remote wipe, shutdown; and what does not: a change elsewhere.
@Suite struct PushDeliveryTests {
    static let tern = ChildProcess.builtProduct("tern")

    @Test func aChangeInAWatchedFolderAnswersTheHeldPingAtOnce() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        async let held = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        await fixture.waitUntilHeld()
        try await fixture.deliver()
        let delivered = ContinuousClock.now
        let reply = try await held.reply
        let latency = ContinuousClock.now - delivered
        #expect(reply.ping?.status == .changesOccurred)
        #expect(reply.ping?.folders == [fixture.inbox.serverID])
        // The issue asks for 100 ms from the commit; Benchmarks/push-latency measures the real
        // figure. Here the bound only tells the push from the 8 s heartbeat on a loaded CI machine.
        #expect(latency < .seconds(4), "answered \(latency) after the delivery")
    }

    @Test func aChangeInAnUnwatchedFolderDoesNotAnswer() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        try await fixture.prime(fixture.calendar, on: fixture.device)
        async let held = fixture.ping(PushFixture.ping(heartbeat: 2, folders: [fixture.calendar]))
        await fixture.waitUntilHeld()
        try await fixture.deliver()
        #expect(fixture.server.heldRequestCount == 1, "still held after the delivery")
        await fixture.passHeartbeat(of: 2)
        #expect(try await held.reply.ping?.status == .expired)
    }

    @Test func aDeliveryByATernChildProcessAnswersTheHeldPing() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        async let held = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        await fixture.waitUntilHeld()
        let result = try await ChildProcess(
            Self.tern, ["deliver", "--to", "anna@tern.example", "--data", fixture.server.directory.path]
        )
        .runDetached(standardInput: Array("Subject: from the MTA\r\n\r\nhi\r\n".utf8))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try await held.reply.ping?.status == .changesOccurred)
    }

    @Test func aWipeByTheTernCommandAnswersTheHeldPingAndTheDeviceThenReceivesRemoteWipe() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        async let held = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        await fixture.waitUntilHeld()
        let result = try await ChildProcess(
            Self.tern, ["device", "wipe", "anna", "phone", "--data", fixture.server.directory.path]
        ).runDetached()
        #expect(result.status == 0, "\(result.standardError)")
        let reply = try await held.reply
        #expect(reply.text("Status") == String(CommonStatus.remoteWipeRequested.rawValue))
        let provision = try await fixture.server.post(
            "Provision", body: RunningServer.provisionRequest(), deviceID: "phone")
        #expect(!provision.elements("RemoteWipe").isEmpty)
    }

    @Test func aPolicyChangeAnswersTheHeldPingWithPolicyRefresh() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        async let held = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        await fixture.waitUntilHeld()
        _ = try await fixture.server.store.setPolicy(DevicePolicy(devicePasswordEnabled: true), for: nil)
        #expect(try await held.reply.text("Status") == String(CommonStatus.policyRefresh.rawValue))
    }

    @Test func gracefulShutdownAnswersHeldPings() async throws {
        let fixture = try await PushFixture.start()
        defer { fixture.server.directory.remove() }
        let tablet = try await fixture.server.session(deviceID: "tablet")
        try await fixture.prime(fixture.inbox, on: tablet)
        async let phone = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        async let other = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]), on: tablet)
        await fixture.waitUntilHeld(2)
        try await fixture.server.shutDownGracefully()
        for (reply, _) in [try await phone, try await other] {
            #expect(reply.status == 200)
            #expect(reply.ping?.status == .expired)
        }
    }
}
