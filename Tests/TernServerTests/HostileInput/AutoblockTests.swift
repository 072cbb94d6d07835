import ActiveSync
import Foundation
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Tern blocks a device that behaves like a broken or hostile client by itself, answering it
/// 503 with Retry-After until the block runs out or an admin allows it.
@Suite struct AutoblockTests {
    static let token = "autoblock-admin-token-0123456789"

    static func devices(_ server: RunningServer) async throws -> [[String: Any]] {
        let reply = try await server.send(
            "GET", "/admin/api/v1/devices?user=anna", headers: ["Authorization": "Bearer \(token)"], body: nil)
        return try #require(try reply.json() as? [[String: Any]])
    }

    /// MS-ASHTTP 3.2.5.1.1: more than two User-Agent changes within a day block the device
    /// for 14 hours.
    @Test func aThirdUserAgentChangeInADayBlocksTheDeviceUntilAllowed() async throws {
        let server = try await RunningServer(adminToken: Self.token)
        defer { Task { await server.stop() } }
        let device = try await server.session()
        func folderSync(as userAgent: String) async throws -> RunningServer.Reply {
            try await server.post(
                "FolderSync", body: RunningServer.folderSync("0"), policyKey: device.policyKey,
                headers: ["User-Agent: \(userAgent)"])
        }
        #expect(try await folderSync(as: "Apple-iPhone15C2/2101.1").status == 200)
        #expect(try await folderSync(as: "Apple-iPhone15C2/2102.1").status == 200)
        let blocked = try await folderSync(as: "Apple-iPhone15C2/2103.1")
        #expect(blocked.status == 503)
        let retryAfter = try #require(blocked.headers["retry-after"].flatMap { Int($0) })
        #expect(retryAfter > 13 * 3600 && retryAfter <= 14 * 3600)
        #expect(try await folderSync(as: "Apple-iPhone15C2/2103.1").status == 503, "blocked whatever it sends now")
        let autoblock = try #require(try await Self.devices(server).first?["autoblock"] as? [String: Any])
        #expect(
            autoblock["reason"] as? String == "userAgentChanges" && autoblock["until"] is String, "the list says why")
        let wipe = try await server.send(
            "POST", "/admin/api/v1/users/anna/devices/\(device.deviceID)/wipe",
            headers: ["Authorization": "Bearer \(Self.token)"], body: nil)
        #expect(wipe.status == 200)
        #expect(
            try await folderSync(as: "Apple-iPhone15C2/2103.1").text("Status") == "140",
            "a pending wipe goes past the block")

        let allowed = try await server.send(
            "POST", "/admin/api/v1/users/anna/devices/\(device.deviceID)/allow",
            headers: ["Authorization": "Bearer \(Self.token)"], body: nil)
        #expect(allowed.status == 200)
        #expect(try await Self.devices(server).first?["autoblock"] == nil)
        let fresh = try await server.provision()
        #expect(
            try await server.post("FolderSync", body: RunningServer.folderSync("0"), policyKey: fresh).status == 200)
    }

    @Test func syncsThatBringNothingPastTheRateBlockTheDeviceButSyncsThatBringItemsDoNot() async throws {
        let server = try await RunningServer { $0.autoblock.maxQuietRequestsPerMinute = 5 }
        defer { Task { await server.stop() } }
        let device = try await server.session()
        for index in 0..<13 {
            _ = try await MailDelivery(store: server.store).deliver(
                Array("Subject: \(index)\r\n\r\nx\r\n".utf8), to: "anna@tern.example")
        }
        var key = try await SyncOverHTTPTests.start(device, collection: "1")
        // Seven windows that bring items (six with MoreAvailable): work, not a loop.
        for _ in 0..<7 {
            let reply = try await device.send(
                "Sync", SyncOverHTTPTests.syncBody(key: key, collection: "1", windowSize: 2))
            #expect(reply.status == 200)
            key = try #require(reply.text("SyncKey"))
        }
        // Counted: the key-0 start and four Syncs that brought nothing; not the windows that sent items.
        for _ in 0..<4 {
            #expect(try await device.send("Sync", SyncOverHTTPTests.syncBody(key: key, collection: "1")).status == 200)
        }
        let blocked = try await device.send("Sync", SyncOverHTTPTests.syncBody(key: key, collection: "1"))
        #expect(blocked.status == 503)
        #expect(blocked.headers["retry-after"].flatMap { Int($0) }.map { $0 > 800 && $0 <= 900 } == true)
        let stored = try #require(try await server.store.device(of: server.user.id, deviceID: device.deviceID))
        #expect(stored.autoblock?.reason == .requestRate)
    }
}
