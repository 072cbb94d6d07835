import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// FolderSync, FolderCreate, FolderUpdate and FolderDelete over a real socket, in WBXML and
/// XML, for 12.1, 14.1 and 16.1, with two devices of the same user.
@Suite struct FolderHierarchyTests {
    static let hierarchy = RequestBuilder(namespace: "FolderHierarchy")
    static let combinations: [(String, RunningServer.Form)] = ["12.1", "14.1", "16.1"].flatMap { version in
        RunningServer.Form.allCases.map { (version, $0) }
    }

    private func folderSync(_ device: DeviceSession, _ key: String) async throws -> RunningServer.Reply {
        try await device.send("FolderSync", Self.hierarchy.element("FolderSync", ["SyncKey": key]))
    }

    @Test(arguments: combinations)
    func createUpdateAndDeleteReachTheOtherDevice(version: String, form: RunningServer.Form) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(deviceID: "phone", version: version, form: form)
        let tablet = try await server.session(deviceID: "tablet", version: version, form: form)

        let initial = try await folderSync(phone, "0")
        #expect(initial.status == 200)
        #expect(initial.text("Status") == "1")
        #expect(initial.elements("Add").count == 10)
        var phoneKey = try #require(initial.text("SyncKey"))
        let unchanged = try await folderSync(phone, phoneKey)
        #expect(unchanged.text("SyncKey") == phoneKey)
        #expect(unchanged.text("Count") == "0")
        let tabletKey = try #require(try await folderSync(tablet, "0").text("SyncKey"))

        let created = try await phone.send(
            "FolderCreate",
            Self.hierarchy.element(
                "FolderCreate",
                [
                    "SyncKey": phoneKey, "ParentId": "1", "DisplayName": "Receipts", "Type": "12",
                ]))
        #expect(created.text("Status") == "1")
        let receipts = try #require(created.text("ServerId"))
        phoneKey = try #require(created.text("SyncKey"))
        #expect(try await folderSync(phone, phoneKey).text("Count") == "0", "the creator is not sent its own folder")

        let nested = try await phone.send(
            "FolderCreate",
            Self.hierarchy.element(
                "FolderCreate",
                [
                    "SyncKey": phoneKey, "ParentId": receipts, "DisplayName": "2026", "Type": "12",
                ]))
        #expect(nested.text("Status") == "1")
        phoneKey = try #require(nested.text("SyncKey"))

        let seen = try await folderSync(tablet, tabletKey)
        #expect(
            seen.elements("Add").compactMap { $0.firstElement(FolderHierarchyTag.displayName)?.text } == [
                "Receipts", "2026",
            ])

        let renamed = try await phone.send(
            "FolderUpdate",
            Self.hierarchy.element(
                "FolderUpdate",
                [
                    "SyncKey": phoneKey, "ServerId": receipts, "ParentId": "0", "DisplayName": "Bills",
                ]))
        #expect(renamed.text("Status") == "1")
        phoneKey = try #require(renamed.text("SyncKey"))
        let tabletKey2 = try #require(seen.text("SyncKey"))
        let update = try await folderSync(tablet, tabletKey2)
        #expect(update.elements("Update").count == 1)
        #expect(update.text("DisplayName") == "Bills")
        #expect(update.text("ParentId") == "0")

        let deleted = try await phone.send(
            "FolderDelete", Self.hierarchy.element("FolderDelete", ["SyncKey": phoneKey, "ServerId": receipts]))
        #expect(deleted.text("Status") == "1")
        let tabletKey3 = try #require(update.text("SyncKey"))
        let gone = try await folderSync(tablet, tabletKey3)
        #expect(
            Set(gone.elements("Delete").compactMap(\.elements.first?.text)) == [
                receipts, try #require(nested.text("ServerId")),
            ])
    }

    @Test(arguments: combinations)
    func refusalsCarryTheirStatus(version: String, form: RunningServer.Form) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(version: version, form: form)
        let key = try #require(try await folderSync(phone, "0").text("SyncKey"))

        func create(_ fields: KeyValuePairs<String, String>) async throws -> String? {
            try await phone.send("FolderCreate", Self.hierarchy.element("FolderCreate", fields)).text("Status")
        }
        #expect(
            try await create(["SyncKey": key, "ParentId": "0", "DisplayName": "Inbox", "Type": "2"]) == "10",
            "a default type")
        #expect(try await create(["SyncKey": key, "ParentId": "999", "DisplayName": "X", "Type": "12"]) == "5")
        #expect(try await create(["SyncKey": "77", "ParentId": "0", "DisplayName": "X", "Type": "12"]) == "9")
        let first = try await phone.send(
            "FolderCreate",
            Self.hierarchy.element(
                "FolderCreate",
                [
                    "SyncKey": key, "ParentId": "0", "DisplayName": "Projects", "Type": "12",
                ]))
        let next = try #require(first.text("SyncKey"))
        #expect(try await create(["SyncKey": next, "ParentId": "0", "DisplayName": "Projects", "Type": "12"]) == "2")
        let projects = try #require(first.text("ServerId"))

        func update(_ serverID: String, parent: String, name: String) async throws -> String? {
            try await phone.send(
                "FolderUpdate",
                Self.hierarchy.element(
                    "FolderUpdate",
                    [
                        "SyncKey": next, "ServerId": serverID, "ParentId": parent, "DisplayName": name,
                    ])
            ).text("Status")
        }
        #expect(try await update("1", parent: "0", name: "Post") == "2", "the Inbox cannot be renamed")
        #expect(try await update("999", parent: "0", name: "X") == "4")
        #expect(try await update(projects, parent: projects, name: "X") == "5", "not below itself")
        #expect(try await update(projects, parent: "0", name: "Drafts") == "2", "a sibling has the name")

        func delete(_ serverID: String) async throws -> String? {
            try await phone.send(
                "FolderDelete", Self.hierarchy.element("FolderDelete", ["SyncKey": next, "ServerId": serverID])
            ).text("Status")
        }
        #expect(try await delete("1") == "3")
        #expect(try await delete("999") == "4")
        #expect(
            try await phone.send("FolderDelete", Self.hierarchy.element("FolderDelete", ["ServerId": projects])).text(
                "Status") == "10")
    }

    @Test func aLostFolderSyncResponseIsAnsweredAgainWithThePreviousKey() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(deviceID: "phone")
        let tablet = try await server.session(deviceID: "tablet")
        let phoneKey = try #require(try await folderSync(phone, "0").text("SyncKey"))
        let tabletKey = try #require(try await folderSync(tablet, "0").text("SyncKey"))
        _ = try await phone.send(
            "FolderCreate",
            Self.hierarchy.element(
                "FolderCreate",
                [
                    "SyncKey": phoneKey, "ParentId": "0", "DisplayName": "Travel", "Type": "12",
                ]))

        let lost = try await folderSync(tablet, tabletKey)
        #expect(lost.elements("Add").count == 1)
        let resent = try await folderSync(tablet, tabletKey)
        #expect(resent.elements("Add").count == 1, "the same change again, not nothing")
        #expect(resent.text("DisplayName") == "Travel")
        let lostKey = try #require(lost.text("SyncKey"))
        #expect(try await folderSync(tablet, lostKey).text("Status") == "9", "the answer that was lost is superseded")
        #expect(try await folderSync(tablet, "garbage").text("Status") == "9")
    }

    @Test func anotherUsersFolderIsNotFound() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let other = try await server.createOtherUser()
        let theirs = try await server.store.createFolder(
            of: other.id, parentServerID: "0", displayName: "Private", type: .userCreatedMail)
        let phone = try await server.session()
        let key = try #require(try await folderSync(phone, "0").text("SyncKey"))
        #expect(try await server.store.folder(of: server.user.id, serverID: theirs.serverID) == nil)
        let update = try await phone.send(
            "FolderUpdate",
            Self.hierarchy.element(
                "FolderUpdate",
                [
                    "SyncKey": key, "ServerId": theirs.serverID, "ParentId": "0", "DisplayName": "Mine",
                ]))
        #expect(update.text("Status") == "4")
        #expect(try await server.store.folder(of: other.id, serverID: theirs.serverID)?.displayName == "Private")
    }
}
