import ActiveSync
import Foundation
import TernAdmin
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// What anyone can send must never stop a folder from syncing: mail with NULs from the
/// internet, a device's item holding a NUL, a stored row that cannot be encoded. Over a real
/// socket, for every protocol version and body type a device asks for.
@Suite struct HostileSyncTests {
    /// A message with a NUL byte in its Subject, in a display name, in an encoded word and in
    /// its body (each a raw byte on the wire, as an MTA hands it in).
    static let messageWithNULs: [UInt8] =
        Array(
            "From: \"Mal\u{0}lory\" <mallory@evil.example>\r\nTo: anna@tern.example\r\nSubject: Hello\u{0} there =?utf-8?q?a=00b?=\r\n"
                .utf8)
        + Array(
            "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                .utf8)
        + Array(
            "plain\u{0}text\u{1}\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>html\u{0}body</p>\r\n--b--\r\n"
                .utf8)

    static let plainMessage = Array(
        "From: bob@tern.example\r\nTo: anna@tern.example\r\nSubject: Fine\r\n\r\nnothing odd\r\n".utf8)

    static func syncWithBodyPreference(key: String, collection: String, bodyType: Int) -> WBXMLElement {
        let options = WBXMLElement(
            AirSyncTag.options,
            elements: [
                WBXMLElement(
                    AirSyncBaseTag.bodyPreference,
                    elements: [
                        WBXMLElement(AirSyncBaseTag.type, text: String(bodyType)),
                        WBXMLElement(AirSyncBaseTag.truncationSize, text: "100000"),
                    ])
            ])
        var body = SyncOverHTTPTests.syncBody(key: key, collection: collection)
        body.children = [
            .element(
                WBXMLElement(
                    AirSyncTag.collections,
                    elements: [
                        WBXMLElement(
                            AirSyncTag.collection,
                            elements: [
                                WBXMLElement(AirSyncTag.syncKey, text: key),
                                WBXMLElement(AirSyncTag.collectionId, text: collection), options,
                            ])
                    ]))
        ]
        return body
    }

    @Test(arguments: ["12.1", "14.1", "16.1"])
    func mailWithNULsSyncsCleanedForEveryBodyType(version: String) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let delivery = MailDelivery(store: server.store)
        _ = try await delivery.deliver(Self.messageWithNULs, to: "anna@tern.example")
        _ = try await delivery.deliver(Self.plainMessage, to: "anna@tern.example")
        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
            .serverID

        for form in RunningServer.Form.allCases {
            for bodyType in [1, 2, 4] {
                let device = try await server.session(
                    deviceID: "dev\(bodyType)\(form.rawValue)", version: version, form: form)
                let key = try await SyncOverHTTPTests.start(device, collection: inbox)
                let reply = try await device.send(
                    "Sync", Self.syncWithBodyPreference(key: key, collection: inbox, bodyType: bodyType))
                let context = "\(version) \(form) type \(bodyType)"
                #expect(reply.status == 200, "\(context)")
                #expect(reply.elements("Add").count == 2, "\(context)")
                #expect(reply.text("Status") == "1", "\(context)")
                let subjects = reply.elements("Subject").compactMap(\.text)
                #expect(subjects.contains("Hello there ab"), "\(context): \(subjects)")
                #expect(!reply.elements("From").compactMap(\.text).contains { $0.contains("\u{0}") }, "\(context)")
                let data = reply.elements("Data").compactMap(\.contentBytes)
                if bodyType == 4 {
                    // OPAQUE in WBXML, which the XML form writes as base64.
                    let mime = form == .wbxml ? data : data.compactMap { Data(base64Encoded: Data($0)).map(Array.init) }
                    #expect(
                        mime.contains(Self.messageWithNULs), "\(context): the MIME body is the message byte for byte")
                } else {
                    #expect(
                        data.contains {
                            String(decoding: $0, as: UTF8.self).contains(bodyType == 1 ? "plaintext" : "htmlbody")
                        }, "\(context)")
                    #expect(!data.contains { $0.contains(0) || $0.contains(1) }, "\(context)")
                }
            }
        }
    }

    @Test(arguments: RunningServer.Form.allCases)
    func aContactWhoseFirstNameHoldsANULIsRefusedAndContactsKeepSyncing(form: RunningServer.Form) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(deviceID: "phone", version: "16.1", form: .wbxml)
        let tablet = try await server.session(deviceID: "tablet", version: "14.1", form: form)
        let contacts = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .contacts })
            .serverID
        let phoneKey = try await SyncOverHTTPTests.start(phone, collection: contacts)
        let tabletKey = try await SyncOverHTTPTests.start(tablet, collection: contacts)

        let hostile = WBXMLElement(
            AirSyncTag.add,
            elements: [
                WBXMLElement(AirSyncTag.clientId, text: "1"),
                WBXMLElement(
                    AirSyncTag.applicationData,
                    elements: [
                        WBXMLElement(ContactsTag.firstName, children: [.opaque(Array("Eve\u{0}".utf8))]),
                        WBXMLElement(ContactsTag.lastName, text: "Hostile"),
                    ]),
            ])
        let control = WBXMLElement(
            AirSyncTag.add,
            elements: [
                WBXMLElement(AirSyncTag.clientId, text: "2"),
                WBXMLElement(
                    AirSyncTag.applicationData,
                    elements: [
                        WBXMLElement(ContactsTag.firstName, children: [.opaque(Array("Bell\u{7}".utf8))])
                    ]),
            ])
        let fine = WBXMLElement(
            AirSyncTag.add,
            elements: [
                WBXMLElement(AirSyncTag.clientId, text: "3"), SyncOverHTTPTests.data("Contacts", ["FirstName": "Ada"]),
            ])
        let added = try await phone.send(
            "Sync", SyncOverHTTPTests.syncBody(key: phoneKey, collection: contacts, commands: [hostile, control, fine]))
        #expect(added.status == 200)
        let statuses = added.elements("Add").compactMap { $0.firstElement(AirSyncTag.status)?.text }
        #expect(
            statuses == [String(SyncStatus.conversionError.rawValue), String(SyncStatus.conversionError.rawValue), "1"])
        #expect(
            try await server.store.itemCount(
                in: try #require(try await server.store.folder(of: server.user.id, serverID: contacts)).id) == 1)

        let (_, replies) = try await SyncOverHTTPTests.drain(tablet, key: tabletKey, collection: contacts)
        #expect(replies.allSatisfy { $0.status == 200 })
        #expect(replies.flatMap { $0.elements("FirstName") }.compactMap(\.text) == ["Ada"])
    }

    @Test func anItemThatCannotBeEncodedIsWithheldAndTheRestOfTheFolderArrives() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let folder = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .contacts })
        // A row written before ingress checked text: the store itself takes what it is given.
        let broken = try await server.store.addItem(
            .contact(ContactItem(fields: [ContactField("Contacts", "FirstName"): "Nul\u{0}l"])), to: folder.id)
        for name in ["Ada", "Grace", "Edsger"] {
            _ = try await server.store.addItem(
                .contact(ContactItem(fields: [ContactField("Contacts", "FirstName"): name])), to: folder.id)
        }
        let device = try await server.session(deviceID: "phone", version: "16.1")
        let start = try await SyncOverHTTPTests.start(device, collection: folder.serverID)
        let (key, replies) = try await SyncOverHTTPTests.drain(device, key: start, collection: folder.serverID)
        #expect(replies.allSatisfy { $0.status == 200 && $0.text("Status") == "1" })
        #expect(Set(replies.flatMap { $0.elements("FirstName") }.compactMap(\.text)) == ["Ada", "Grace", "Edsger"])
        #expect(key != start)
        let listed = try await Administration(store: server.store).devices(of: "anna")
        #expect(
            listed.first?.withheld?.map(\.serverID) == [broken.serverID]
                && listed.first?.withheld?.first?.reason == "unencodable")
        let fetched = try await device.send(
            "ItemOperations",
            WBXMLElement(
                ItemOperationsTag.itemOperations,
                elements: [
                    WBXMLElement(
                        ItemOperationsTag.fetch,
                        elements: [
                            WBXMLElement(ItemOperationsTag.store, text: "Mailbox"),
                            WBXMLElement(AirSyncTag.collectionId, text: folder.serverID),
                            WBXMLElement(AirSyncTag.serverId, text: broken.serverID),
                        ])
                ]))
        #expect(
            fetched.status == 200 && fetched.elements("Status").compactMap(\.text) == ["1", "14"],
            "a status for that item alone")

        // Withheld, not lost: once the item can be sent it arrives, as an Add.
        _ = try await server.store.updateItem(
            in: folder.id, serverID: broken.serverID,
            content: .contact(ContactItem(fields: [ContactField("Contacts", "FirstName"): "Null"])))
        let later = try await device.send("Sync", SyncOverHTTPTests.syncBody(key: key, collection: folder.serverID))
        #expect(later.elements("Add").compactMap { $0.firstElement(AirSyncTag.serverId)?.text } == [broken.serverID])
        #expect(later.text("FirstName") == "Null")
    }
}
