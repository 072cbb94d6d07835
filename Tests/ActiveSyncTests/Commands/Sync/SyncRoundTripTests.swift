import ActiveSync
import Testing
import WBXML

struct SyncRoundTripTests {
    static let contact = WBXMLElement(
        AirSyncTag.applicationData,
        elements: [
            WBXMLElement(ContactsTag.fileAs, text: "Lovelace, Ada"),
            WBXMLElement(ContactsTag.firstName, text: "Ada"),
        ])

    static var requests: [SyncRequest] {
        var first = SyncCollectionRequest(syncKey: "0", collectionID: "2")
        first.options = [SyncOptions(filterType: 3)]
        var busy = SyncCollectionRequest(syncKey: "5", collectionID: "9")
        busy.getChanges = true
        busy.deletesAsMoves = false
        busy.windowSize = 100
        busy.supported = ["Contacts:FileAs", "Contacts:FirstName"]
        busy.commands = [
            .add(clientID: "c1", applicationData: contact), .change(serverID: "9:1", applicationData: contact),
            .delete(serverID: "9:2"), .fetch(serverID: "9:3"),
        ]
        var held = SyncRequest(
            collections: [SyncCollectionRequest(syncKey: "5", collectionID: "9")], windowSize: 50, isPartial: true)
        held.wait = 5
        return [
            SyncRequest(collections: [first]), SyncRequest(collections: [busy, first]), held,
            SyncRequest(collections: []),
        ]
    }

    @Test(arguments: requests)
    func aWrittenRequestReadsBackTheSame(request: SyncRequest) throws {
        #expect(try SyncRequest(WBXMLDecoder().decode(WBXMLEncoder().encode(request.element)).root) == request)
    }

    static let responses: [SyncResponse] = [
        SyncResponse(status: .protocolError),
        SyncResponse(collections: [SyncCollectionResponse(syncKey: "1", collectionID: "2", status: .success)]),
        SyncResponse(collections: [
            SyncCollectionResponse(
                syncKey: "6", collectionID: "9", status: .success, moreAvailable: true,
                commands: [
                    .add(serverID: "9:4", applicationData: contact), .change(serverID: "9:1", applicationData: contact),
                    .delete(serverID: "9:2"), .softDelete(serverID: "9:3"),
                ],
                replies: [
                    .add(clientID: "c1", serverID: "9:5", status: .success),
                    .add(clientID: "c2", serverID: nil, status: .conversionError),
                    .change(serverID: "9:1", status: .conflict), .delete(serverID: "9:2", status: .objectNotFound),
                    .fetch(serverID: "9:3", status: .success, applicationData: contact),
                ]),
            SyncCollectionResponse(syncKey: nil, collectionID: "3", status: .invalidSyncKey),
        ]),
    ]

    @Test(arguments: responses)
    func aServedResponseReadsBackTheSame(response: SyncResponse) throws {
        #expect(SyncResponse(try WBXMLDecoder().decode(WBXMLEncoder().encode(response.element)).root) == response)
    }

    @Test func anAddWithoutApplicationDataIsNoResponse() {
        let root = WBXMLElement(
            AirSyncTag.sync,
            elements: [
                WBXMLElement(
                    AirSyncTag.collections,
                    elements: [
                        WBXMLElement(
                            AirSyncTag.collection,
                            elements: [
                                WBXMLElement(AirSyncTag.collectionId, text: "9"),
                                WBXMLElement(AirSyncTag.status, text: "1"),
                                WBXMLElement(
                                    AirSyncTag.commands,
                                    elements: [
                                        WBXMLElement(
                                            AirSyncTag.add, elements: [WBXMLElement(AirSyncTag.serverId, text: "9:1")])
                                    ]),
                            ])
                    ])
            ])
        #expect(SyncResponse(root) == nil)
    }
}
