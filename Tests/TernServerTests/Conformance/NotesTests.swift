import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Notes (MS-ASNOTE, protocol 14.0 on) sync both ways like the other classes.
@Suite struct NotesTests {
    static func note(subject: String, body: String, categories: [String]) -> WBXMLElement {
        WBXMLElement(
            AirSyncTag.applicationData,
            elements: [
                WBXMLElement(
                    AirSyncBaseTag.body,
                    elements: [
                        WBXMLElement(AirSyncBaseTag.type, text: "1"),
                        WBXMLElement(AirSyncBaseTag.data, text: body),
                    ]),
                WBXMLElement(NotesTag.subject, text: subject),
                WBXMLElement(NotesTag.messageClass, text: "IPM.StickyNote"),
                WBXMLElement(
                    NotesTag.categories,
                    elements: categories.map { WBXMLElement(NotesTag.category, text: $0) }),
            ])
    }

    @Test(arguments: RunningServer.Form.allCases)
    func aNoteAddedAndChangedOnOneDeviceReachesTheOther(form: RunningServer.Form) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let notes = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .notes })
            .serverID
        let phone = try await server.session(deviceID: "phone", version: "16.1", form: form)
        let tablet = try await server.session(deviceID: "tablet", version: "14.1", form: form)
        var phoneKey = try await SyncOverHTTPTests.start(phone, collection: notes)
        var tabletKey = try await SyncOverHTTPTests.start(tablet, collection: notes)

        let add = WBXMLElement(
            AirSyncTag.add,
            elements: [
                WBXMLElement(AirSyncTag.clientId, text: "n1"),
                Self.note(subject: "Groceries", body: "milk\neggs", categories: ["Home"]),
            ])
        let added = try await phone.send(
            "Sync", SyncOverHTTPTests.syncBody(key: phoneKey, collection: notes, commands: [add]))
        #expect(added.elements("Status").compactMap(\.text) == ["1", "1"])
        let serverID = try #require(
            added.elements("Responses").first?.elements.first?.firstElement(AirSyncTag.serverId)?.text)
        phoneKey = try #require(added.text("SyncKey"))

        var (key, replies) = try await SyncOverHTTPTests.drain(tablet, key: tabletKey, collection: notes)
        tabletKey = key
        let arrived = try #require(replies.first?.elements("Add").first)
        #expect(arrived.firstElement(AirSyncTag.serverId)?.text == serverID)
        #expect(replies.first?.text("Subject") == "Groceries" && replies.first?.text("Category") == "Home")
        #expect(
            replies.first?.text("MessageClass") == "IPM.StickyNote" && replies.first?.text("LastModifiedDate") != nil)
        #expect(replies.first?.text("Data") == "milk\neggs")

        let change = WBXMLElement(
            AirSyncTag.change,
            elements: [
                WBXMLElement(AirSyncTag.serverId, text: serverID),
                Self.note(subject: "Groceries (done)", body: "", categories: []),
            ])
        let changed = try await tablet.send(
            "Sync", SyncOverHTTPTests.syncBody(key: tabletKey, collection: notes, commands: [change]))
        #expect(changed.text("Status") == "1")
        (key, replies) = try await SyncOverHTTPTests.drain(phone, key: phoneKey, collection: notes)
        #expect(replies.first?.elements("Change").count == 1)
        #expect(
            replies.first?.text("Subject") == "Groceries (done)" && replies.first?.elements("Category").isEmpty == true)
    }

    @Test func aNoteFromA12Point1DeviceIsRefusedWithStatus6() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let notes = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .notes })
        let device = try await server.session(version: "12.1")
        let key = try await SyncOverHTTPTests.start(device, collection: notes.serverID)
        let add = WBXMLElement(
            AirSyncTag.add,
            elements: [
                WBXMLElement(AirSyncTag.clientId, text: "n1"), Self.note(subject: "x", body: "y", categories: []),
            ])
        let reply = try await device.send(
            "Sync", SyncOverHTTPTests.syncBody(key: key, collection: notes.serverID, commands: [add]))
        #expect(
            reply.elements("Add").first?.firstElement(AirSyncTag.status)?.text
                == String(SyncStatus.conversionError.rawValue))
        #expect(try await server.store.itemCount(in: notes.id) == 0)
    }
}
