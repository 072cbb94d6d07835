import ActiveSync
import Foundation
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Each Ping status of MS-ASCMD 2.2.3.177.10 over a real socket, with the elements it carries.
@Suite struct PingStatusTests {
    @Test func anEmptyPingWithNothingCachedGivesStatus3() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        #expect(try await fixture.ping(nil).reply.ping?.status == .missingParameters)
        #expect(
            try await fixture.ping(PushFixture.ping(heartbeat: 5, folders: nil)).reply.ping?.status
                == .missingParameters)
    }

    @Test func aBodyThatIsNotAPingGivesStatus4() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        let broken = WBXMLElement(
            PingTag.ping,
            elements: [
                WBXMLElement(
                    PingTag.folders,
                    elements: [WBXMLElement(PingTag.folder, elements: [WBXMLElement(PingTag.id, text: "1")])])
            ])
        #expect(try await fixture.ping(broken).reply.ping?.status == .syntaxError)
    }

    @Test(arguments: [(0, 1), (4000, 3540)])
    func aHeartbeatOutOfRangeGivesStatus5WithTheLimit(asked: Int, limit: Int) async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        let response = try #require(
            try await fixture.ping(PushFixture.ping(heartbeat: asked, folders: [fixture.inbox])).reply.ping)
        #expect(response.status == .invalidHeartbeatInterval)
        #expect(response.heartbeatInterval == limit)
    }

    @Test func tooManyFoldersGivesStatus6WithMaxFolders() async throws {
        let fixture = try await PushFixture.start { $0.maxPingFolders = 1 }
        defer { Task { await fixture.server.stop() } }
        let response = try #require(
            try await fixture.ping(PushFixture.ping(heartbeat: 5, folders: [fixture.inbox, fixture.calendar])).reply
                .ping)
        #expect(response.status == .tooManyFolders)
        #expect(response.maxFolders == 1)
    }

    @Test func anUnknownFolderGivesStatus7() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        let body = PingRequest(heartbeatInterval: 5, folders: [PingFolder(id: "no-such-folder", class: "Email")])
            .element
        #expect(try await fixture.ping(body).reply.ping?.status == .folderSyncRequired)
    }

    @Test func aHierarchyChangedSinceTheLastFolderSyncGivesStatus7AtOnce() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        let key = try #require(
            try await fixture.device.send("FolderSync", RunningServer.folderSync("0")).text("SyncKey"))
        _ = try await fixture.server.store.createFolder(
            of: fixture.server.user.id, parentServerID: "0", displayName: "New", type: .userCreatedMail)
        let stale = try await fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        #expect(stale.reply.ping?.status == .folderSyncRequired)
        // Once the device has the new folder, the same Ping is held until its heartbeat.
        _ = try await fixture.device.send("FolderSync", RunningServer.folderSync(key))
        async let held = fixture.ping(PushFixture.ping(heartbeat: 2, folders: [fixture.inbox]))
        await fixture.passHeartbeat(of: 2)
        #expect(try await held.reply.ping?.status == .expired)
    }

    @Test func aHierarchyChangeWhileHeldGivesStatus7() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        async let held = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        await fixture.waitUntilHeld()
        _ = try await fixture.server.store.createFolder(
            of: fixture.server.user.id, parentServerID: "0", displayName: "New", type: .userCreatedMail)
        #expect(try await held.reply.ping?.status == .folderSyncRequired)
    }

    @Test func aFolderTheDeviceNeverSyncedGivesStatus2AtOnce() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        let response = try #require(
            try await fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox, fixture.calendar])).reply
                .ping)
        #expect(response.status == .changesOccurred)
        #expect(response.folders == [fixture.calendar.serverID])
    }

    @Test func unsyncedMailGivesStatus2AtOnce() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        try await fixture.deliver()
        let response = try #require(
            try await fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox])).reply.ping)
        #expect(response.status == .changesOccurred)
        #expect(response.folders == [fixture.inbox.serverID])
    }

    @Test func aQuietHeartbeatGivesStatus1AndTheEmptyPingReusesIt() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        async let first = fixture.ping(PushFixture.ping(heartbeat: 60, folders: [fixture.inbox]))
        await fixture.waitUntilHeld()
        fixture.clock.advance(by: .seconds(59))
        #expect(fixture.server.heldRequestCount == 1, "held until the whole heartbeat passed")
        fixture.clock.advance(by: .seconds(1))
        #expect(try await first.reply.ping?.status == .expired)
        async let again = fixture.ping(nil)
        await fixture.passHeartbeat(of: 60)
        #expect(try await again.reply.ping?.status == .expired, "the empty Ping took the cached interval and folders")
    }

    @Test func overTheCapGivesStatus8() async throws {
        let fixture = try await PushFixture.start { $0.maxHeldPerUser = 1 }
        defer { Task { await fixture.server.stop() } }
        let tablet = try await fixture.server.session(deviceID: "tablet")
        try await fixture.prime(fixture.inbox, on: tablet)
        async let held = fixture.ping(PushFixture.ping(heartbeat: 3, folders: [fixture.inbox]))
        await fixture.waitUntilHeld()
        let refused = try await fixture.ping(PushFixture.ping(heartbeat: 3, folders: [fixture.inbox]), on: tablet)
        #expect(refused.reply.ping?.status == .serverError)
        fixture.clock.advance(by: .seconds(3))
        #expect(try await held.reply.ping?.status == .expired)
    }

    @Test func aNewerPingOfTheSameDeviceEndsTheOlderOne() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        async let older = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        await fixture.waitUntilHeld()
        async let newer = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        #expect(try await older.reply.ping?.status == .expired)
        try await fixture.deliver()
        #expect(try await newer.reply.ping?.folders == [fixture.inbox.serverID])
    }
}
