import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// A client update or reinstall starts over from key 0; what it gets back must name the same
/// folders and items as before, each once.
@Suite struct StableIdentityTests {
    @Test func aFolderSyncFromKeyZeroReturnsTheSameServerIDs() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        _ = try await server.store.createFolder(
            of: server.user.id, parentServerID: "0", displayName: "Projects", type: .userCreatedMail)
        func folders() async throws -> [String: String] {
            let reply = try await device.send("FolderSync", RunningServer.folderSync("0"))
            #expect(reply.text("Status") == "1")
            return Dictionary(
                uniqueKeysWithValues: reply.elements("Add").compactMap { add -> (String, String)? in
                    guard let id = add.firstElement(FolderHierarchyTag.serverId)?.text,
                        let name = add.firstElement(FolderHierarchyTag.displayName)?.text
                    else { return nil }
                    return (name, id)
                })
        }
        let before = try await folders()
        #expect(before["Projects"] != nil)
        #expect(try await folders() == before)
    }

    @Test func aSyncFromKeyZeroOnAFolderTheDeviceHeldSendsEachItemOnceUnderItsID() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        for index in 0..<30 {
            _ = try await MailDelivery(store: server.store).deliver(
                Array("Subject: m\(index)\r\n\r\nx\r\n".utf8), to: "anna@tern.example")
        }
        func everything() async throws -> [String] {
            let key = try await SyncOverHTTPTests.start(device, collection: "1")
            var ids: [String] = []
            var current = key
            while true {
                let reply = try await device.send(
                    "Sync", SyncOverHTTPTests.syncBody(key: current, collection: "1", windowSize: 7))
                ids += reply.elements("Add").compactMap { $0.firstElement(AirSyncTag.serverId)?.text }
                current = try #require(reply.text("SyncKey"))
                if reply.elements("MoreAvailable").isEmpty { return ids }
            }
        }
        let first = try await everything()
        #expect(first.count == 30 && Set(first).count == 30)
        let again = try await everything()
        #expect(again.sorted() == first.sorted(), "the same items, each once, under the same ids")
    }
}
