import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// A restart changes nothing a device sees: with the keys it holds it goes on where it was,
/// and gets only what changed since.
@Suite struct RestartTests {
    @Test func devicesContinueWithTheirKeysAfterARestartAndGetOnlyNewChanges() async throws {
        let first = try await RunningServer()
        let folders = try await first.store.folders(of: first.user.id)
        let contacts = try #require(folders.first { $0.type == .contacts }).serverID
        _ = try await MailDelivery(store: first.store).deliver(
            Array("Subject: before\r\n\r\nx\r\n".utf8), to: "anna@tern.example")

        var keys: [String: (hierarchy: String, inbox: String, contacts: String, policyKey: UInt32, version: String)] =
            [:]
        for (deviceID, version) in [("phone", "16.1"), ("tablet", "14.1"), ("old", "12.1")] {
            let device = try await first.session(deviceID: deviceID, version: version)
            let hierarchy = try #require(
                try await device.send("FolderSync", RunningServer.folderSync("0")).text("SyncKey"))
            let (inbox, _) = try await SyncOverHTTPTests.drain(
                device, key: try await SyncOverHTTPTests.start(device, collection: "1"), collection: "1")
            let (contactsKey, _) = try await SyncOverHTTPTests.drain(
                device, key: try await SyncOverHTTPTests.start(device, collection: contacts), collection: contacts)
            keys[deviceID] = (hierarchy, inbox, contactsKey, device.policyKey, version)
        }

        let server = try await first.restarted()
        defer { Task { await server.stop() } }
        _ = try await MailDelivery(store: server.store).deliver(
            Array("Subject: after\r\n\r\nx\r\n".utf8), to: "anna@tern.example")
        for (deviceID, held) in keys {
            let device = DeviceSession(
                server: server, deviceID: deviceID, version: held.version, form: .wbxml, policyKey: held.policyKey)
            let hierarchy = try await device.send("FolderSync", RunningServer.folderSync(held.hierarchy))
            #expect(hierarchy.text("Status") == "1" && hierarchy.text("Count") == "0", "\(deviceID): no folder changed")
            let (_, inbox) = try await SyncOverHTTPTests.drain(device, key: held.inbox, collection: "1")
            #expect(inbox.first?.text("Status") == "1", "\(deviceID)")
            #expect(
                inbox.flatMap { $0.elements("Subject") }.compactMap(\.text) == ["after"],
                "\(deviceID): only the new message")
            let (_, quiet) = try await SyncOverHTTPTests.drain(device, key: held.contacts, collection: contacts)
            #expect(quiet.first?.text("Status") == "1" && quiet.flatMap { $0.elements("Add") }.isEmpty, "\(deviceID)")
        }
    }
}
