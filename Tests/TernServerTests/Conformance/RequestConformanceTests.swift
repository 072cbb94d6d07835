import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// The HTTP layer (MS-ASHTTP), the request limits of MS-ASCMD 3.1.5.10 and Ping's statuses
/// for malformed requests, over a real socket. Small bodies are the bytes libwbxml's
/// `xml2wbxml -a -n` writes; bulk ones are built in the test.
@Suite struct RequestConformanceTests {
    static func url(_ server: RunningServer, command: String) -> String {
        "http://127.0.0.1:\(server.port)/Microsoft-Server-ActiveSync?Cmd=\(command)&User=anna&DeviceId=ApplF17XK2QJ&DeviceType=iPhone"
    }

    @Test func anUnknownCommandIs501() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let reply = try await server.curl(
            ["-X", "POST", "-u", "anna:secret", "-H", "MS-ASProtocolVersion: 14.1"],
            url: Self.url(server, command: "NotExist"), payload: nil)
        #expect(reply.status == 501)
    }

    @Test func everyAdvertisedCommandIsServed() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(version: "16.1")
        for command in Command.advertised where command != .provision {
            // An empty document of the command's own root: refused by its decoder, never 501.
            let root = StatusOnlyResponse.root(for: command) ?? AirSyncTag.sync
            let reply = try await phone.send(command.rawValue, WBXMLElement(root))
            #expect(reply.status != 501 && reply.status < 500, "\(command.rawValue) answered \(reply.status)")
        }
    }

    @Test(arguments: ["GET", "PUT", "DELETE", "PATCH"])
    func aMethodOtherThanOptionsAndPostIs501(method: String) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let reply = try await server.curl(
            ["-X", method, "-u", "anna:secret"], url: Self.url(server, command: "Sync"), payload: nil)
        #expect(reply.status == 501)
        #expect(reply.headers["allow"] == "OPTIONS,POST")
    }

    @Test func optionsNamesTheMethodsVersionsAndCommands() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let headers = try await server.options()
        #expect(headers["allow"] == "OPTIONS,POST" && headers["public"] == "OPTIONS,POST")
        #expect(headers["ms-asprotocolversions"] == "12.1,14.0,14.1,16.0,16.1")
        #expect(headers["ms-asprotocolcommands"]?.split(separator: ",").contains("Ping") == true)
        #expect(headers["cache-control"] == "private")
    }

    /// MS-ASHTTP 3.2.5.1: a FolderSync from key 0 carries the version and command lists.
    @Test func aFolderSyncFromKeyZeroCarriesTheProtocolLists() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        let first = try await device.send("FolderSync", RunningServer.folderSync("0"))
        #expect(first.headers["ms-asprotocolversions"] == "12.1,14.0,14.1,16.0,16.1")
        #expect(first.headers["ms-asprotocolcommands"]?.split(separator: ",").contains("FolderSync") == true)
        let later = try await device.send("FolderSync", RunningServer.folderSync(try #require(first.text("SyncKey"))))
        #expect(later.headers["ms-asprotocolversions"] == nil)
    }

    // MARK: Request limits

    @Test func aSyncOfMoreThan200CommandsIsStatus4AndStoresNothing() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        let contacts = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .contacts })
        let key = try await SyncOverHTTPTests.start(device, collection: contacts.serverID)
        func adds(_ count: Int) -> [WBXMLElement] {
            (0..<count).map { index in
                WBXMLElement(
                    AirSyncTag.add,
                    elements: [
                        WBXMLElement(AirSyncTag.clientId, text: "c\(index)"),
                        SyncOverHTTPTests.data("Contacts", ["FirstName": "N\(index)"]),
                    ])
            }
        }
        let refused = try await device.send(
            "Sync", SyncOverHTTPTests.syncBody(key: key, collection: contacts.serverID, commands: adds(201)))
        #expect(refused.body?.firstElement(AirSyncTag.status)?.text == "4")
        #expect(try await server.store.itemCount(in: contacts.id) == 0)
        let accepted = try await device.send(
            "Sync", SyncOverHTTPTests.syncBody(key: key, collection: contacts.serverID, commands: adds(200)))
        #expect(accepted.elements("Add").count == 200)
        #expect(try await server.store.itemCount(in: contacts.id) == 200)
    }

    @Test func aGetItemEstimateOfMoreThan1000CollectionsIs103() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        let tag = { WBXMLTag("GetItemEstimate", $0) }
        let collections = (0..<1001).map { _ in
            WBXMLElement(
                tag("Collection"),
                elements: [WBXMLElement(AirSyncTag.syncKey, text: "1"), WBXMLElement(tag("CollectionId"), text: "1")])
        }
        let reply = try await device.send(
            "GetItemEstimate",
            WBXMLElement(tag("GetItemEstimate"), elements: [WBXMLElement(tag("Collections"), elements: collections)]))
        #expect(reply.body?.elements.map(\.tag.name) == ["Status"])
        #expect(reply.text("Status") == "103")
    }

    @Test func anItemOperationsOfMoreThan100FetchesIs11() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        let fetches = (0..<101).map { index in
            WBXMLElement(
                ItemOperationsTag.fetch,
                elements: [
                    WBXMLElement(ItemOperationsTag.store, text: "Mailbox"),
                    WBXMLElement(AirSyncTag.collectionId, text: "1"),
                    WBXMLElement(AirSyncTag.serverId, text: "1:\(index)"),
                ])
        }
        let reply = try await device.send(
            "ItemOperations", WBXMLElement(ItemOperationsTag.itemOperations, elements: fetches))
        #expect(reply.text("Status") == "11")
        #expect(reply.elements("Fetch").isEmpty)
    }

    @Test func aMoveItemsOfMoreThan1000MovesIs103() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        let tag = { WBXMLTag("Move", $0) }
        let moves = (0..<1001).map { index in
            WBXMLElement(
                tag("Move"),
                elements: [
                    WBXMLElement(tag("SrcMsgId"), text: "1:\(index)"), WBXMLElement(tag("SrcFldId"), text: "1"),
                    WBXMLElement(tag("DstFldId"), text: "2"),
                ])
        }
        let reply = try await device.send("MoveItems", WBXMLElement(tag("MoveItems"), elements: moves))
        #expect(reply.text("Status") == "103")
        #expect(reply.elements("Response").isEmpty)
    }

    /// MoveItems has no top-level Status: a body its decoder refuses gets the common 103 from
    /// 14.0 on, and HTTP 400 from a 12.1 device, which knows no common status (MS-ASCMD 2.2.2).
    @Test(arguments: [("14.1", 200), ("12.1", 400)])
    func aMoveItemsWithoutAMoveIs103Or400(version: String, httpStatus: Int) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session(version: version)
        let reply = try await device.send("MoveItems", WBXMLElement(MoveTag.moveItems))
        #expect(reply.status == httpStatus)
        #expect(reply.text("Status") == (httpStatus == 200 ? "103" : nil))
    }

    // MARK: Ping

    /// `<Ping xmlns="Ping:"/>`: a body that names neither the interval nor folders.
    static let emptyPingElement: [UInt8] = [0x03, 0x01, 0x6A, 0x00, 0x00, 0x0D, 0x05]
    /// A Ping listing folder 1 twice.
    static let pingWithTheSameFolderTwice: [UInt8] = [
        0x03, 0x01, 0x6A, 0x00, 0x00, 0x0D, 0x45, 0x48, 0x03, 0x34, 0x38, 0x30, 0x00, 0x01, 0x49, 0x4A, 0x4B, 0x03,
        0x31, 0x00, 0x01,
        0x4C, 0x03, 0x45, 0x6D, 0x61, 0x69, 0x6C, 0x00, 0x01, 0x01, 0x4A, 0x4B, 0x03, 0x31, 0x00, 0x01, 0x4C, 0x03,
        0x45, 0x6D, 0x61,
        0x69, 0x6C, 0x00, 0x01, 0x01, 0x01, 0x01,
    ]

    @Test func aPingElementWithNeitherIntervalNorFoldersIsStatus4() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        _ = try await device.send("Ping", PushFixture.ping(heartbeat: 480, folders: []))
        let reply = try await server.post("Ping", policyKey: device.policyKey, rawBody: Self.emptyPingElement)
        #expect(reply.ping?.status == .syntaxError)
    }

    @Test func aPingListingAFolderTwiceIsStatus4() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        let reply = try await server.post("Ping", policyKey: device.policyKey, rawBody: Self.pingWithTheSameFolderTwice)
        #expect(reply.ping?.status == .syntaxError)
    }

    /// Microsoft's protocol tests (MS-ASCMD S11) have Exchange answer 7 to a device that never
    /// ran FolderSync: it has to learn the folders first.
    @Test func aPingFromADeviceThatNeverRanFolderSyncIsStatus7() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        let reply = try await device.send(
            "Ping",
            PushFixture.ping(
                heartbeat: 480,
                folders: [
                    try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
                ]))
        #expect(reply.ping?.status == .folderSyncRequired)
    }

    @Test func aPingWithoutABodyAndNothingCachedIsStatus3() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        let reply = try await server.post("Ping", policyKey: device.policyKey)
        #expect(reply.ping?.status == .missingParameters)
    }
}

/// Sync requests MS-ASCMD and MS-ASNOTE call protocol errors, as libwbxml's `xml2wbxml -a -n`
/// writes them.
@Suite struct SyncProtocolErrorTests {
    /// `<Sync><Collections><Collection><SyncKey>0</SyncKey><CollectionId>1</CollectionId><GetChanges/>`.
    static let getChangesWithKeyZero: [UInt8] = [
        0x03, 0x01, 0x6A, 0x00, 0x45, 0x5C, 0x4F, 0x4B, 0x03, 0x30, 0x00, 0x01, 0x52, 0x03, 0x31, 0x00, 0x01, 0x13,
        0x01, 0x01, 0x01,
    ]
    /// The same for collection 9 (Notes) with `<Supported><notes:Subject/></Supported>` instead.
    static let supportedInNotes: [UInt8] = [
        0x03, 0x01, 0x6A, 0x00, 0x45, 0x5C, 0x4F, 0x4B, 0x03, 0x30, 0x00, 0x01, 0x52, 0x03, 0x39, 0x00, 0x01, 0x60,
        0x00, 0x17, 0x05, 0x01, 0x01, 0x01, 0x01,
    ]

    @Test func getChangesWithSyncKeyZeroIsStatus4() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session()
        let reply = try await server.post("Sync", policyKey: device.policyKey, rawBody: Self.getChangesWithKeyZero)
        #expect(reply.text("Status") == "4" && reply.text("SyncKey") == "0")
        let plain = try await device.send("Sync", SyncOverHTTPTests.syncBody(key: "0", collection: "1"))
        #expect(plain.text("Status") == "1", "without GetChanges, key 0 starts the collection")
    }

    @Test func supportedInANotesSyncIsStatus4() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let notes = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .notes })
        #expect(notes.serverID == "9", "the bytes name collection 9")
        let device = try await server.session()
        let reply = try await server.post("Sync", policyKey: device.policyKey, rawBody: Self.supportedInNotes)
        #expect(reply.text("Status") == "4")
    }
}
