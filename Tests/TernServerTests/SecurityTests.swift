import ActiveSync
import Foundation
import TernAdmin
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// What a device must never get: data under a wrong or stale policy key, data when blocked
/// or wiped, a 500 for a bad body; and that a policy change makes devices provision again.
@Suite struct SecurityTests {
    static func syncInbox(_ key: String) -> WBXMLElement { SyncOverHTTPTests.syncBody(key: key, collection: "1") }

    @Test(arguments: ["12.1", "14.1", "16.1"])
    func aPolicyChangeMakesTheDeviceProvisionAgain(version: String) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(version: version)
        #expect(try await phone.send("FolderSync", RunningServer.folderSync("0")).text("Status") == "1")
        _ = try await Administration(store: server.store).setPolicy(
            [(name: "MinDevicePasswordLength", value: "8")], for: nil)
        let refused = try await phone.send("FolderSync", RunningServer.folderSync("0"))
        if version == "12.1" {
            #expect(refused.status == 449)
        } else {
            #expect(refused.text("Status") == "143")
        }
        #expect(refused.elements("Add").isEmpty)
        let again = try await server.session(version: version)
        let reply = try await again.send("FolderSync", RunningServer.folderSync("0"))
        #expect(reply.text("Status") == "1")
    }

    @Test func noDataUnderAWrongKeyOrWhenBlockedOrWiped() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        _ = try await MailDelivery(store: server.store).deliver(
            Array("Subject: secret plans\r\n\r\ncontent\r\n".utf8), to: "anna@tern.example")
        let phone = try await server.session()
        let key = try await SyncOverHTTPTests.start(phone, collection: "1")

        let wrongKey = try await server.post("Sync", body: Self.syncInbox(key), policyKey: phone.policyKey &+ 7)
        #expect(wrongKey.text("Status") == "144")
        #expect(wrongKey.text("Subject") == nil)

        let administration = Administration(store: server.store)
        _ = try await administration.block(login: "anna", deviceID: phone.deviceID)
        let blocked = try await phone.send("Sync", Self.syncInbox(key))
        #expect(blocked.text("Status") == "129")
        #expect(blocked.text("Subject") == nil)
        _ = try await administration.allow(login: "anna", deviceID: phone.deviceID)

        let fresh = try await server.session()
        _ = try await administration.wipe(login: "anna", deviceID: fresh.deviceID, accountOnly: false)
        let wiped = try await fresh.send("Sync", Self.syncInbox(key))
        #expect(wiped.text("Status") == "140")
        #expect(wiped.text("Subject") == nil)
    }

    @Test func oversizedAndMalformedBodiesGetTheirStatusNeverA500() async throws {
        let server = try await RunningServer(tuning: { $0.maxRequestBytes = 64 << 10 })
        defer { Task { await server.stop() } }
        let phone = try await server.session()
        let huge = WBXMLElement(
            AirSyncTag.sync,
            elements: [
                WBXMLElement(
                    AirSyncTag.collections,
                    elements: [
                        WBXMLElement(
                            AirSyncTag.collection,
                            elements: [WBXMLElement(AirSyncTag.syncKey, text: String(repeating: "9", count: 70_000))])
                    ])
            ])
        #expect(try await phone.send("Sync", huge).status == 413)
        let truncated = try await server.post(
            "Sync", policyKey: phone.policyKey, xml: nil, headers: [],
            rawBody: [0x03, 0x01, 0x6A, 0x00, 0x00, 0x00, 0x45])
        #expect(truncated.status == 400)
        let garbage = try await server.post(
            "Sync", policyKey: phone.policyKey, headers: [], rawBody: Array("not wbxml at all".utf8))
        #expect(garbage.status == 400)
        let wrongType = try await server.post(
            "Sync", policyKey: phone.policyKey, headers: ["Content-Type: image/png"], rawBody: [1, 2, 3])
        #expect(wrongType.status == 415)
    }
}
