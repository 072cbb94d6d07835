import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// GetItemEstimate, MoveItems and ItemOperations over a real socket.
@Suite struct ItemCommandsTests {
    static let pngBytes: [UInt8] =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0xAB, count: 600)

    /// Delivers a message with one PNG attachment to anna's Inbox.
    static func deliverWithAttachment(_ server: RunningServer) async throws -> Item {
        let encoded = Data(pngBytes).base64EncodedString(options: .lineLength76Characters).replacingOccurrences(
            of: "\n", with: "")
        let raw = """
            From: Bob <bob@example.org>\r\nTo: anna@tern.example\r\nSubject: Chart\r\nMIME-Version: 1.0\r\n\
            Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nSee the chart.\r\n\
            --b1\r\nContent-Type: image/png; name="chart.png"\r\nContent-Disposition: attachment; filename="chart.png"\r\n\
            Content-Transfer-Encoding: base64\r\n\r\n\(encoded)\r\n--b1--\r\n
            """
        return try await MailDelivery(store: server.store).deliver(Array(raw.utf8), to: "anna@tern.example")
    }

    static func estimateBody(key: String, collection: String) -> WBXMLElement {
        let tag = { WBXMLTag("GetItemEstimate", $0) }
        return WBXMLElement(
            tag("GetItemEstimate"),
            elements: [
                WBXMLElement(
                    tag("Collections"),
                    elements: [
                        WBXMLElement(
                            tag("Collection"),
                            elements: [
                                WBXMLElement(AirSyncTag.syncKey, text: key),
                                WBXMLElement(tag("CollectionId"), text: collection),
                            ])
                    ])
            ])
    }

    @Test func theEstimateCountsWhatTheNextSyncSends() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session()
        for index in 0..<7 {
            _ = try await MailDelivery(store: server.store).deliver(
                Array("Subject: \(index)\r\n\r\nbody\r\n".utf8), to: "anna@tern.example")
        }
        let key = try await SyncOverHTTPTests.start(phone, collection: "1")
        let estimate = try await phone.send("GetItemEstimate", Self.estimateBody(key: key, collection: "1"))
        #expect(estimate.text("Status") == "1")
        #expect(estimate.text("Estimate") == "7")
        let (drained, _) = try await SyncOverHTTPTests.drain(phone, key: key, collection: "1")
        #expect(
            try await phone.send("GetItemEstimate", Self.estimateBody(key: drained, collection: "1")).text("Estimate")
                == "0")
        #expect(
            try await phone.send("GetItemEstimate", Self.estimateBody(key: "0", collection: "1")).text("Status") == "3")
        #expect(
            try await phone.send("GetItemEstimate", Self.estimateBody(key: "99", collection: "1")).text("Status") == "4"
        )
        #expect(
            try await phone.send("GetItemEstimate", Self.estimateBody(key: drained, collection: "999")).text("Status")
                == "2")
    }

    /// MS-ASCMD 2.2.1.12: after a move every device, the mover too, gets a Delete in the
    /// source and an Add under DstMsgId in the destination at its next Sync of each.
    @Test func aMoveIsADeleteAndAnAddForEveryDeviceTheMoverIncluded() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(deviceID: "phone")
        let tablet = try await server.session(deviceID: "tablet")
        let item = try await MailDelivery(store: server.store).deliver(
            Array("Subject: File me\r\n\r\nx\r\n".utf8), to: "anna@tern.example")
        let archive = try await server.store.createFolder(
            of: server.user.id, parentServerID: "0", displayName: "Archive", type: .userCreatedMail)
        var keys: [String: String] = [:]
        for (name, device) in [("phone", phone), ("tablet", tablet)] {
            for folder in ["1", archive.serverID] {
                let (key, _) = try await SyncOverHTTPTests.drain(
                    device, key: try await SyncOverHTTPTests.start(device, collection: folder), collection: folder)
                keys[name + folder] = key
            }
        }
        let tag = { WBXMLTag("Move", $0) }
        let moved = try await phone.send(
            "MoveItems",
            WBXMLElement(
                tag("MoveItems"),
                elements: [
                    WBXMLElement(
                        tag("Move"),
                        elements: [
                            WBXMLElement(tag("SrcMsgId"), text: item.serverID),
                            WBXMLElement(tag("SrcFldId"), text: "1"),
                            WBXMLElement(tag("DstFldId"), text: archive.serverID),
                        ]),
                    WBXMLElement(
                        tag("Move"),
                        elements: [
                            WBXMLElement(tag("SrcMsgId"), text: "1:999"), WBXMLElement(tag("SrcFldId"), text: "1"),
                            WBXMLElement(tag("DstFldId"), text: archive.serverID),
                        ]),
                ]))
        #expect(moved.elements("Status").compactMap(\.text) == ["3", "1"])
        let newID = try #require(moved.text("DstMsgId"))

        for (name, device) in [("phone", phone), ("tablet", tablet)] {
            let (_, inbox) = try await SyncOverHTTPTests.drain(
                device, key: try #require(keys[name + "1"]), collection: "1")
            let (_, destination) = try await SyncOverHTTPTests.drain(
                device, key: try #require(keys[name + archive.serverID]), collection: archive.serverID)
            #expect(
                inbox.flatMap { $0.elements("Delete") }.compactMap { $0.firstElement(AirSyncTag.serverId)?.text } == [
                    item.serverID
                ], "\(name)")
            #expect(
                destination.flatMap { $0.elements("Add") }.compactMap { $0.firstElement(AirSyncTag.serverId)?.text }
                    == [
                        newID
                    ], "\(name)")
        }
    }

    static func fetchAttachment(_ reference: String, range: String? = nil) -> WBXMLElement {
        var fetch = [
            WBXMLElement(ItemOperationsTag.store, text: "Mailbox"),
            WBXMLElement(AirSyncBaseTag.fileReference, text: reference),
        ]
        if let range {
            fetch.append(
                WBXMLElement(ItemOperationsTag.options, elements: [WBXMLElement(ItemOperationsTag.range, text: range)]))
        }
        return WBXMLElement(
            ItemOperationsTag.itemOperations, elements: [WBXMLElement(ItemOperationsTag.fetch, elements: fetch)])
    }

    /// GetAttachment as a 12.1 device sends it: a POST with the FileReference as AttachmentName.
    @Test func getAttachmentAnswersTheBytesWithTheirTypeAnd500ForOneThatIsGone() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(version: "12.1")
        _ = try await Self.deliverWithAttachment(server)
        let key = try await SyncOverHTTPTests.start(phone, collection: "1")
        let (_, synced) = try await SyncOverHTTPTests.drain(phone, key: key, collection: "1")
        let reference = try #require(synced.first?.text("FileReference"))
        func getAttachment(_ name: String?) async throws -> (status: Int, headers: [String: String], body: [UInt8]) {
            var url =
                "http://127.0.0.1:\(server.port)/Microsoft-Server-ActiveSync?Cmd=GetAttachment&User=anna"
                + "&DeviceId=ApplF17XK2QJ&DeviceType=iPhone"
            if let name {
                url += "&AttachmentName=" + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            }
            return try await server.curl(
                [
                    "-X", "POST", "-u", "anna:secret", "-H", "MS-ASProtocolVersion: 12.1", "-H",
                    "X-MS-PolicyKey: \(phone.policyKey)",
                ], url: url, payload: nil)
        }
        let fetched = try await getAttachment(reference)
        #expect(fetched.status == 200 && fetched.body == Self.pngBytes)
        #expect(fetched.headers["content-type"] == "image/png")
        #expect(try await getAttachment("1:99/0").status == 500, "a message that is gone")
        #expect(try await getAttachment(reference.replacingOccurrences(of: "/0", with: "/7")).status == 500)
        #expect(try await getAttachment(nil).status == 400)
    }

    @Test func itemOperationsFetchesItemsAndAttachmentsInlineOrMultipart() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session()
        let item = try await Self.deliverWithAttachment(server)
        let key = try await SyncOverHTTPTests.start(phone, collection: "1")
        let (_, synced) = try await SyncOverHTTPTests.drain(phone, key: key, collection: "1")
        let reference = try #require(synced.first?.text("FileReference"))

        let inline = try await phone.send("ItemOperations", Self.fetchAttachment(reference))
        #expect(inline.elements("Status").compactMap(\.text) == ["1", "1"])
        #expect(inline.text("ContentType") == "image/png")
        #expect(inline.text("Data").flatMap { Data(base64Encoded: $0) }.map(Array.init) == Self.pngBytes)

        let multipart = try await server.post(
            "ItemOperations", body: Self.fetchAttachment(reference), policyKey: phone.policyKey,
            headers: ["MS-ASAcceptMultiPart: T"])
        #expect(multipart.headers["content-type"] == "application/vnd.ms-sync.multipart")
        #expect(multipart.text("Part") == "1")
        #expect(multipart.parts == [Self.pngBytes])

        let ranged = try await phone.send("ItemOperations", Self.fetchAttachment(reference, range: "0-7"))
        #expect(ranged.text("Total") == String(Self.pngBytes.count))
        #expect(ranged.text("Data").flatMap { Data(base64Encoded: $0) }.map(Array.init) == Array(Self.pngBytes[0..<8]))
        #expect(
            try await phone.send("ItemOperations", Self.fetchAttachment(reference, range: "9000-9999")).elements(
                "Status"
            ).last?.text == "8")
        #expect(
            try await phone.send("ItemOperations", Self.fetchAttachment("1:404/0")).elements("Status").last?.text == "6"
        )

        let fetchItem = WBXMLElement(
            ItemOperationsTag.itemOperations,
            elements: [
                WBXMLElement(
                    ItemOperationsTag.fetch,
                    elements: [
                        WBXMLElement(ItemOperationsTag.store, text: "Mailbox"),
                        WBXMLElement(AirSyncTag.collectionId, text: "1"),
                        WBXMLElement(AirSyncTag.serverId, text: item.serverID),
                    ])
            ])
        let fetched = try await phone.send("ItemOperations", fetchItem)
        #expect(fetched.text("Class") == "Email")
        #expect(fetched.text("Subject") == "Chart")
    }

    @Test func emptyFolderContentsEmptiesTheFolder() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session()
        let trash = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .deletedItems })
        _ = try await server.store.addItems(
            (0..<3).map { _ in
                .email(
                    EmailItem(raw: Data("Subject: x\r\n\r\n".utf8), properties: EmailProperties(dateReceived: Date())))
            }, to: trash.id)
        let reply = try await phone.send(
            "ItemOperations",
            WBXMLElement(
                ItemOperationsTag.itemOperations,
                elements: [
                    WBXMLElement(
                        ItemOperationsTag.emptyFolderContents,
                        elements: [WBXMLElement(AirSyncTag.collectionId, text: trash.serverID)])
                ]))
        #expect(reply.elements("Status").compactMap(\.text) == ["1", "1"])
        #expect(try await server.store.itemCount(in: trash.id) == 0)
    }
}
