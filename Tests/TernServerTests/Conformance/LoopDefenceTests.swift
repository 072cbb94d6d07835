import ActiveSync
import Foundation
import TernAdmin
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// A device that cannot take an item resends the same sync key over and over; after two
/// resends taken as lost responses its window is halved each time until one item is left,
/// and that item is skipped for the device, so the rest of the folder still reaches it. The
/// skipped item is tried again after the device took a later response, three times at most,
/// and again whenever it changes.
@Suite struct LoopDefenceTests {
    static func deliver(_ count: Int, to server: RunningServer) async throws -> [String] {
        var delivered: [String] = []
        for index in 0..<count {
            let item = try await MailDelivery(store: server.store).deliver(
                Array("Subject: m\(index)\r\n\r\nx\r\n".utf8), to: "anna@tern.example")
            delivered.append(item.serverID)
        }
        return delivered
    }

    static func sync(_ device: DeviceSession, key: String, window: Int = 4) async throws -> (
        ids: [String], key: String, more: Bool
    ) {
        let reply = try await device.send(
            "Sync", SyncOverHTTPTests.syncBody(key: key, collection: "1", windowSize: window))
        #expect(reply.text("Status") == "1")
        let ids = reply.elements("Add").compactMap { $0.firstElement(AirSyncTag.serverId)?.text }
        return (ids, try #require(reply.text("SyncKey")), !reply.elements("MoreAvailable").isEmpty)
    }

    @Test func aDeviceStuckOnAnItemGetsItsWindowNarrowedAndTheItemSkipped() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        let delivered = try await Self.deliver(10, to: server)
        let stuck = try await SyncOverHTTPTests.start(device, collection: "1")
        let first = try await Self.sync(device, key: stuck)
        #expect(first.ids == Array(delivered.prefix(4)))
        #expect(
            try await Self.sync(device, key: stuck).ids == first.ids, "a resend is a lost response: the same window")
        #expect(try await Self.sync(device, key: stuck).ids == first.ids)
        #expect(try await Self.sync(device, key: stuck).ids.count == 2, "the third resend halves the window")
        #expect(try await Self.sync(device, key: stuck).ids == [delivered[0]], "then one item")
        let skipped = try await Self.sync(device, key: stuck)
        #expect(skipped.ids == [delivered[1]], "the item the device could not take is skipped")
        let listed = try await Administration(store: server.store).devices(of: "anna")
        #expect(listed.first?.withheld?.map(\.serverID) == [delivered[0]], "the device list names the skipped item")
        #expect(listed.first?.withheld?.first?.reason == "refused by device")

        // This device took the response without it, so the item is tried once more, and
        // arrives: a lost response in another folder may have isolated the wrong item.
        let (_, rest) = try await SyncOverHTTPTests.drain(device, key: skipped.key, collection: "1")
        let received =
            skipped.ids + rest.flatMap { $0.elements("Add") }.compactMap { $0.firstElement(AirSyncTag.serverId)?.text }
        #expect(received.sorted() == delivered.sorted(), "every item arrives once")
    }

    /// A device that resends its key whenever a response holds one item it cannot take.
    @Test func anItemRefusedThreeTimesIsNotSentAgainUntilItChanges() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        let delivered = try await Self.deliver(6, to: server)
        let poison = delivered[2]
        var key = try await SyncOverHTTPTests.start(device, collection: "1")
        var taken: [String] = []
        var offered = 0
        for _ in 0..<80 {
            let response = try await Self.sync(device, key: key)
            if response.ids.contains(poison) {
                offered += 1
                continue
            }
            taken += response.ids
            key = response.key
            if !response.more, response.ids.isEmpty { break }
        }
        #expect(Set(taken) == Set(delivered).subtracting([poison]), "every other item reaches the device")
        #expect(!taken.contains(poison))
        let listed = try await Administration(store: server.store).devices(of: "anna")
        #expect(listed.first?.withheld?.map(\.serverID) == [poison])
        #expect(try await Self.sync(device, key: key).ids.isEmpty, "refused three times: not offered again")

        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox }).id
        var changed = try #require(try await server.store.item(in: inbox, serverID: poison))
        if case .email(var email) = changed.content {
            email.properties.read = true
            changed.content = .email(email)
        }
        _ = try await server.store.updateItem(in: inbox, serverID: poison, content: changed.content)
        #expect(try await Self.sync(device, key: key).ids == [poison], "once it changes, it is sent again")
    }
}
