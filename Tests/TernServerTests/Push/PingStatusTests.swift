import ActiveSync
import Foundation
import TernServer
import TernStore
import TernStoreSQLite
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
        #expect(stale.elapsed < .seconds(5))
        // Once the device has the new folder, the same Ping is held until its heartbeat.
        _ = try await fixture.device.send("FolderSync", RunningServer.folderSync(key))
        let held = try await fixture.ping(PushFixture.ping(heartbeat: 2, folders: [fixture.inbox]))
        #expect(held.reply.ping?.status == .expired)
    }

    @Test func aHierarchyChangeWhileHeldGivesStatus7() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        async let held = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        try await PushFixture.settle()
        _ = try await fixture.server.store.createFolder(
            of: fixture.server.user.id, parentServerID: "0", displayName: "New", type: .userCreatedMail)
        let (reply, elapsed) = try await held
        #expect(reply.ping?.status == .folderSyncRequired)
        #expect(elapsed < .seconds(5))
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
        let first = try await fixture.ping(PushFixture.ping(heartbeat: 1, folders: [fixture.inbox]))
        #expect(first.reply.ping?.status == .expired)
        #expect(first.elapsed >= .seconds(1))
        let again = try await fixture.ping(nil)
        #expect(again.reply.ping?.status == .expired, "the empty Ping took the cached interval and folders")
    }

    @Test func overTheCapGivesStatus8() async throws {
        let fixture = try await PushFixture.start { $0.maxHeldPerUser = 1 }
        defer { Task { await fixture.server.stop() } }
        let tablet = try await fixture.server.session(deviceID: "tablet")
        try await fixture.prime(fixture.inbox, on: tablet)
        async let held = fixture.ping(PushFixture.ping(heartbeat: 3, folders: [fixture.inbox]))
        try await PushFixture.settle()
        let refused = try await fixture.ping(PushFixture.ping(heartbeat: 3, folders: [fixture.inbox]), on: tablet)
        #expect(refused.reply.ping?.status == .serverError)
        #expect(try await held.reply.ping?.status == .expired)
    }

    @Test func aNewerPingOfTheSameDeviceEndsTheOlderOne() async throws {
        let fixture = try await PushFixture.start()
        defer { Task { await fixture.server.stop() } }
        async let older = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        try await PushFixture.settle()
        async let newer = fixture.ping(PushFixture.ping(heartbeat: 8, folders: [fixture.inbox]))
        let (reply, elapsed) = try await older
        #expect(reply.ping?.status == .expired)
        #expect(elapsed < .seconds(5))
        try await fixture.deliver()
        #expect(try await newer.reply.ping?.folders == [fixture.inbox.serverID])
    }
}
