import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Sync over a real socket with two devices of the same user: what one adds, changes and
/// deletes reaches the other, for each class, in WBXML and XML.
@Suite struct SyncOverHTTPTests {
    static let airSync = RequestBuilder(namespace: "AirSync")

    /// Sync of one collection; `commands` go in its Commands element.
    static func syncBody(key: String, collection: String, commands: [WBXMLElement] = [], windowSize: Int? = nil)
        -> WBXMLElement
    {
        var children = [
            WBXMLElement(AirSyncTag.syncKey, text: key), WBXMLElement(AirSyncTag.collectionId, text: collection),
        ]
        if let windowSize { children.append(WBXMLElement(AirSyncTag.windowSize, text: String(windowSize))) }
        if !commands.isEmpty { children.append(WBXMLElement(AirSyncTag.commands, elements: commands)) }
        return WBXMLElement(
            AirSyncTag.sync,
            elements: [
                WBXMLElement(
                    AirSyncTag.collections, elements: [WBXMLElement(AirSyncTag.collection, elements: children)])
            ])
    }

    static func data(_ namespace: String, _ fields: KeyValuePairs<String, String>) -> WBXMLElement {
        WBXMLElement(
            AirSyncTag.applicationData,
            elements: fields.map { WBXMLElement(WBXMLTag(namespace, $0.key), text: $0.value) })
    }

    /// Syncs until nothing more is available; returns the last key and every reply.
    static func drain(_ device: DeviceSession, key: String, collection: String) async throws -> (
        String, [RunningServer.Reply]
    ) {
        var key = key
        var replies: [RunningServer.Reply] = []
        while true {
            let reply = try await device.send("Sync", syncBody(key: key, collection: collection))
            replies.append(reply)
            key = try #require(reply.text("SyncKey"))
            if reply.elements("MoreAvailable").isEmpty { return (key, replies) }
        }
    }

    static func start(_ device: DeviceSession, collection: String) async throws -> String {
        let first = try await device.send("Sync", syncBody(key: "0", collection: collection))
        #expect(first.text("Status") == "1")
        return try #require(first.text("SyncKey"))
    }

    static let classes:
        [(
            folderType: Int, namespace: String, add: KeyValuePairs<String, String>,
            change: KeyValuePairs<String, String>, field: String
        )] = [
            (
                9, "Contacts",
                [
                    "FileAs": "Lovelace, Ada", "FirstName": "Ada", "LastName": "Lovelace",
                    "Email1Address": "ada@example.org",
                ],
                ["FileAs": "Lovelace, Ada", "FirstName": "Augusta", "LastName": "Lovelace"], "FirstName"
            ),
            (
                8, "Calendar",
                [
                    "Subject": "Standup", "StartTime": "20261202T090000Z", "EndTime": "20261202T091500Z",
                    "BusyStatus": "2",
                ],
                ["Subject": "Standup (moved)", "StartTime": "20261202T100000Z", "EndTime": "20261202T101500Z"],
                "Subject"
            ),
            (
                7, "Tasks", ["Subject": "File taxes", "Importance": "2", "Complete": "0"],
                ["Subject": "File taxes now", "Importance": "2", "Complete": "0"], "Subject"
            ),
        ]

    @Test(arguments: [RunningServer.Form.wbxml, .xml])
    func addChangeAndDeleteReachTheOtherDeviceForEachClass(form: RunningServer.Form) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(deviceID: "phone", version: "16.1", form: form)
        let tablet = try await server.session(deviceID: "tablet", version: "14.1", form: form)
        let folders = try await server.store.folders(of: server.user.id)
        for itemClass in Self.classes {
            let folder = try #require(folders.first { $0.type.rawValue == itemClass.folderType }).serverID
            var phoneKey = try await Self.start(phone, collection: folder)
            var tabletKey = try await Self.start(tablet, collection: folder)

            let add = WBXMLElement(
                AirSyncTag.add,
                elements: [WBXMLElement(AirSyncTag.clientId, text: "1"), Self.data(itemClass.namespace, itemClass.add)])
            let added = try await phone.send("Sync", Self.syncBody(key: phoneKey, collection: folder, commands: [add]))
            #expect(added.elements("Status").compactMap(\.text) == ["1", "1"], "\(itemClass.namespace)")
            let serverID = try #require(
                added.elements("Responses").first?.elements.first?.firstElement(AirSyncTag.serverId)?.text)
            phoneKey = try #require(added.text("SyncKey"))

            var (key, replies) = try await Self.drain(tablet, key: tabletKey, collection: folder)
            tabletKey = key
            let arrived = try #require(replies.first?.elements("Add").first)
            #expect(arrived.firstElement(AirSyncTag.serverId)?.text == serverID)
            let sent = Dictionary(uniqueKeysWithValues: itemClass.add.map { ($0.key, $0.value) })
            for field in arrived.firstElement(AirSyncTag.applicationData)?.elements ?? []
            where sent[field.tag.name] != nil {
                #expect(field.text == sent[field.tag.name], "\(itemClass.namespace):\(field.tag.name)")
            }

            let change = WBXMLElement(
                AirSyncTag.change,
                elements: [
                    WBXMLElement(AirSyncTag.serverId, text: serverID), Self.data(itemClass.namespace, itemClass.change),
                ])
            let changed = try await phone.send(
                "Sync", Self.syncBody(key: phoneKey, collection: folder, commands: [change]))
            #expect(changed.elements("Responses").isEmpty, "a successful Change has no reply")
            phoneKey = try #require(changed.text("SyncKey"))
            (key, replies) = try await Self.drain(tablet, key: tabletKey, collection: folder)
            tabletKey = key
            let update = try #require(replies.first?.elements("Change").first)
            let expected = itemClass.change.first { $0.key == itemClass.field }?.value
            #expect(
                update.firstElement(AirSyncTag.applicationData)?.elements.first { $0.tag.name == itemClass.field }?.text
                    == expected)

            let delete = WBXMLElement(AirSyncTag.delete, elements: [WBXMLElement(AirSyncTag.serverId, text: serverID)])
            _ = try await phone.send("Sync", Self.syncBody(key: phoneKey, collection: folder, commands: [delete]))
            (_, replies) = try await Self.drain(tablet, key: tabletKey, collection: folder)
            #expect(replies.first?.elements("Delete").first?.firstElement(AirSyncTag.serverId)?.text == serverID)
        }
    }

    @Test func deliveredMailAndReadStateReachBothDevices() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(deviceID: "phone", version: "16.1")
        let tablet = try await server.session(deviceID: "tablet", version: "12.1")
        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
        let raw =
            "From: Bob <bob@example.org>\r\nTo: anna@tern.example\r\nSubject: Lunch?\r\nDate: Tue, 1 Dec 2026 09:00:00 +0000\r\n\r\nAt noon.\r\n"
        let item = try await MailDelivery(store: server.store).deliver(Array(raw.utf8), to: "anna@tern.example")

        let phoneKey = try await Self.start(phone, collection: inbox.serverID)
        let tabletKey = try await Self.start(tablet, collection: inbox.serverID)
        let (phoneNext, phoneReplies) = try await Self.drain(phone, key: phoneKey, collection: inbox.serverID)
        #expect(phoneReplies.first?.text("Subject") == "Lunch?")
        #expect(phoneReplies.first?.text("Read") == "0")
        let (tabletNext, tabletReplies) = try await Self.drain(tablet, key: tabletKey, collection: inbox.serverID)
        #expect(tabletReplies.first?.elements("Add").first?.firstElement(AirSyncTag.serverId)?.text == item.serverID)

        let markRead = WBXMLElement(
            AirSyncTag.change,
            elements: [
                WBXMLElement(AirSyncTag.serverId, text: item.serverID), Self.data("Email", ["Read": "1"]),
            ])
        let changed = try await phone.send(
            "Sync", Self.syncBody(key: phoneNext, collection: inbox.serverID, commands: [markRead]))
        #expect(changed.text("Status") == "1")
        let (_, seen) = try await Self.drain(tablet, key: tabletNext, collection: inbox.serverID)
        #expect(
            seen.first?.elements("Change").first?.firstElement(AirSyncTag.applicationData)?.elements.first {
                $0.tag.name == "Read"
            }?.text == "1")
    }

    @Test func badInputGetsSyncStatusesNeverA500() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session()
        let unknown = try await phone.send("Sync", Self.syncBody(key: "0", collection: "9999"))
        #expect(unknown.status == 200)
        #expect(unknown.text("Status") == "12")
        let notSync = try await phone.send("Sync", WBXMLElement(AirSyncTag.collections, elements: []))
        #expect(notSync.text("Status") == "4")
        let empty = try await server.post("Sync", version: "14.1", policyKey: phone.policyKey)
        #expect(empty.text("Status") == "13", "an empty request before any full one")
        let noKey = try await phone.send(
            "Sync",
            WBXMLElement(
                AirSyncTag.sync,
                elements: [
                    WBXMLElement(
                        AirSyncTag.collections,
                        elements: [
                            WBXMLElement(
                                AirSyncTag.collection, elements: [WBXMLElement(AirSyncTag.collectionId, text: "1")])
                        ])
                ]))
        #expect(noKey.text("Status") == "4")
    }

    @Test func aTwentyMegabyteAddFailsAloneAndTheRestApplies() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session()
        let contacts = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .contacts })
        let key = try await Self.start(phone, collection: contacts.serverID)
        let huge = WBXMLElement(
            AirSyncTag.add,
            elements: [
                WBXMLElement(AirSyncTag.clientId, text: "huge"),
                WBXMLElement(
                    AirSyncTag.applicationData,
                    elements: [
                        WBXMLElement(ContactsTag.fileAs, text: "Huge"),
                        WBXMLElement(
                            AirSyncBaseTag.body,
                            elements: [
                                WBXMLElement(AirSyncBaseTag.type, text: "1"),
                                WBXMLElement(
                                    AirSyncBaseTag.data, text: String(repeating: "z", count: 20 << 20)),
                            ]),
                    ]),
            ])
        let small = WBXMLElement(
            AirSyncTag.add,
            elements: [WBXMLElement(AirSyncTag.clientId, text: "small"), Self.data("Contacts", ["FileAs": "Small"])])
        let reply = try await phone.send(
            "Sync", Self.syncBody(key: key, collection: contacts.serverID, commands: [huge, small]))
        #expect(reply.status == 200)
        let statuses = reply.elements("Responses").first?.elements.compactMap {
            $0.firstElement(AirSyncTag.status)?.text
        }
        #expect(statuses == ["6", "1"])
        #expect(try await server.store.itemCount(in: contacts.id) == 1)
    }
}
