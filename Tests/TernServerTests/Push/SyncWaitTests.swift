import ActiveSync
import Foundation
import TernServer
import TernStore
import TernTesting
import Testing
import WBXML

/// Sync with Wait or HeartbeatInterval (12.1+, MS-ASCMD 2.2.3.198): held on the push hub when
/// it would send nothing, answered with the change when one comes, Status 14 out of range.
@Suite struct SyncWaitTests {
    static func waitingSync(key: String, collection: String, wait: Int? = nil, heartbeat: Int? = nil) -> WBXMLElement {
        var sync = SyncOverHTTPTests.syncBody(key: key, collection: collection)
        if let wait {
            sync = WBXMLElement(sync.tag, elements: sync.elements + [WBXMLElement(AirSyncTag.wait, text: String(wait))])
        }
        if let heartbeat {
            sync = WBXMLElement(
                sync.tag,
                elements: sync.elements + [WBXMLElement(AirSyncTag.heartbeatInterval, text: String(heartbeat))])
        }
        return sync
    }

    @Test func aQuietSyncWithHeartbeatIsHeldUntilMailArrives() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        let key = try #require(
            try await fixture.device.send(
                "Sync", SyncOverHTTPTests.syncBody(key: "1", collection: fixture.inbox.serverID)
            ).text("SyncKey"))
        async let held = fixture.device.send(
            "Sync", Self.waitingSync(key: key, collection: fixture.inbox.serverID, heartbeat: 8))
        await fixture.waitUntilHeld()
        try await fixture.deliver("Pushed")
        let delivered = ContinuousClock.now
        let reply = try await held
        #expect(ContinuousClock.now - delivered < .seconds(4), "the delivery, not the 8 s heartbeat, ended it")
        #expect(reply.elements("Add").count == 1)
        #expect(reply.text("Subject") == "Pushed")
    }

    @Test func anEmptySyncAfterAHeldOneIsHeldToo() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        let key = try #require(
            try await fixture.device.send(
                "Sync", SyncOverHTTPTests.syncBody(key: "1", collection: fixture.inbox.serverID)
            ).text("SyncKey"))
        try await fixture.deliver("First")
        let first = try await fixture.device.send(
            "Sync", Self.waitingSync(key: key, collection: fixture.inbox.serverID, heartbeat: 8))
        #expect(first.text("Subject") == "First")
        // No body: the cached request again, HeartbeatInterval included (MS-ASCMD 2.2.1.21.1).
        async let held = fixture.server.post(
            "Sync", version: fixture.device.version, policyKey: fixture.device.policyKey,
            deviceID: fixture.device.deviceID)
        await fixture.waitUntilHeld()
        try await fixture.deliver("Second")
        let reply = try await held
        #expect(reply.elements("Add").count == 1)
        #expect(reply.text("Subject") == "Second")
    }

    @Test func aSyncWithPendingChangesIsAnsweredAtOnce() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        try await fixture.deliver()
        let started = ContinuousClock.now
        let reply = try await fixture.device.send(
            "Sync", Self.waitingSync(key: "1", collection: fixture.inbox.serverID, wait: 5))
        #expect(reply.elements("Add").count == 1)
        #expect(ContinuousClock.now - started < .seconds(4))
    }

    @Test(
        arguments: [(wait: 0, heartbeat: nil, limit: 1), (60, nil, 59), (nil, 0, 1), (nil, 4000, 3540)]
            as [(Int?, Int?, Int)])
    func anIntervalOutOfRangeGivesStatus14WithTheLimit(wait: Int?, heartbeat: Int?, limit: Int) async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        let reply = try await fixture.device.send(
            "Sync", Self.waitingSync(key: "1", collection: fixture.inbox.serverID, wait: wait, heartbeat: heartbeat))
        #expect(reply.text("Status") == String(SyncStatus.invalidWaitOrHeartbeat.rawValue))
        #expect(reply.text("Limit") == String(limit))
    }
}
