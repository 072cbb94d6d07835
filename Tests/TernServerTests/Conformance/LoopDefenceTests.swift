import ActiveSync
import Foundation
import TernServer
import TernStore
import TernStoreSQLite
import Testing
import WBXML

/// A device that cannot take an item resends the same sync key over and over; after two
/// resends taken as lost responses its window is halved each time until one item is left,
/// and that item is skipped for the device, so the rest of the folder still reaches it.
@Suite struct LoopDefenceTests {
    @Test func aDeviceStuckOnAnItemGetsItsWindowNarrowedAndTheItemSkipped() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        var delivered: [String] = []
        for index in 0..<10 {
            let item = try await MailDelivery(store: server.store).deliver(Array("Subject: m\(index)\r\n\r\nx\r\n".utf8), to: "anna@tern.example")
            delivered.append(item.serverID)
        }
        let stuck = try await SyncOverHTTPTests.start(device, collection: "1")
        func resend() async throws -> (ids: [String], key: String) {
            let reply = try await device.send("Sync", SyncOverHTTPTests.syncBody(key: stuck, collection: "1", windowSize: 4))
            #expect(reply.text("Status") == "1")
            return (reply.elements("Add").compactMap { $0.firstElement(SyncTag.serverID)?.text }, try #require(reply.text("SyncKey")))
        }
        let first = try await resend()
        #expect(first.ids == Array(delivered.prefix(4)))
        #expect(try await resend().ids == first.ids, "a resend is a lost response: the same window")
        #expect(try await resend().ids == first.ids)
        #expect(try await resend().ids.count == 2, "the third resend halves the window")
        #expect(try await resend().ids == [delivered[0]], "then one item")
        let skipped = try await resend()
        #expect(skipped.ids == [delivered[1]], "the item the device could not take is skipped")

        let (_, rest) = try await SyncOverHTTPTests.drain(device, key: skipped.key, collection: "1")
        let received = skipped.ids + rest.flatMap { $0.elements("Add") }.compactMap { $0.firstElement(SyncTag.serverID)?.text }
        #expect(received.sorted() == Array(delivered.dropFirst()).sorted(), "every other item arrives, the skipped one does not")
        let listed = try await Administration(store: server.store).devices(of: "anna")
        #expect(listed.first?.withheld?.map(\.serverID) == [delivered[0]], "the device list names the skipped item")
        #expect(listed.first?.withheld?.first?.reason == "refused by device")
    }
}
