import ActiveSync
import Testing
import WBXML

/// Each command's decoder refuses a body that is not its request with that command's own
/// Status, which the server sends as it is.
@Suite struct RequestDecodingErrorTests {
    /// A malformed body and the Status its command answers it with.
    struct Case: Sendable, CustomTestStringConvertible {
        let xml: String
        let decode: @Sendable (WBXMLElement) throws -> Void
        let status: Int
        var testDescription: String { xml }
    }

    static func refusal<Request: DecodableRequest>(_: Request.Type) -> @Sendable (WBXMLElement) throws -> Void {
        { root in _ = try Request(root) }
    }

    static let cases: [Case] = [
        Case(xml: #"<Ping xmlns="Ping:"/>"#, decode: refusal(PingRequest.self), status: 4),
        Case(
            xml: #"<Ping xmlns="Ping:"><HeartbeatInterval>soon</HeartbeatInterval></Ping>"#,
            decode: refusal(PingRequest.self), status: 4),
        Case(xml: #"<FolderSync xmlns="FolderHierarchy:"/>"#, decode: refusal(FolderSyncRequest.self), status: 10),
        Case(
            xml:
                #"<FolderCreate xmlns="FolderHierarchy:"><SyncKey>1</SyncKey><ParentId>0</ParentId><DisplayName>x</DisplayName><Type>twelve</Type></FolderCreate>"#,
            decode: refusal(FolderCreateRequest.self), status: 10),
        Case(
            xml: #"<FolderDelete xmlns="FolderHierarchy:"><SyncKey>1</SyncKey></FolderDelete>"#,
            decode: refusal(FolderDeleteRequest.self), status: 10),
        Case(
            xml: #"<FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync>"#,
            decode: refusal(FolderUpdateRequest.self), status: 10),
        Case(
            xml:
                #"<Sync xmlns="AirSync:"><Collections><Collection><SyncKey>1</SyncKey></Collection></Collections></Sync>"#,
            decode: refusal(SyncRequest.self), status: 4),
        Case(
            xml:
                #"<Sync xmlns="AirSync:"><Collections><Collection><SyncKey>1</SyncKey><CollectionId>1</CollectionId><Commands><Delete/></Commands></Collection></Collections></Sync>"#,
            decode: refusal(SyncRequest.self), status: 4),
        Case(
            xml: #"<GetItemEstimate xmlns="GetItemEstimate:"><Collections/></GetItemEstimate>"#,
            decode: refusal(GetItemEstimateRequest.self), status: 2),
        Case(xml: #"<MoveItems xmlns="Move:"/>"#, decode: refusal(MoveItemsRequest.self), status: 103),
        Case(
            xml: #"<ItemOperations xmlns="ItemOperations:"/>"#, decode: refusal(ItemOperationsRequest.self), status: 2),
        Case(
            xml: #"<Provision xmlns="Provision:"><Policies><Policy/></Policies></Provision>"#,
            decode: refusal(ProvisionRequest.self), status: 2),
    ]

    @Test(arguments: cases)
    func aMalformedRequestIsRefusedWithItsCommandsStatus(_ malformed: Case) throws {
        let root = try XMLReader().read(malformed.xml)
        let error = #expect(throws: (any Error).self) { try malformed.decode(root) }
        #expect((error as? any CommandRefusal)?.status.rawValue == malformed.status)
    }

    @Test func aSyncOfMoreCommandsThanTheLimitIsStatus4() throws {
        let fetches = (0...RequestLimits.syncCommands).map { index in
            WBXMLElement(AirSyncTag.fetch, elements: [WBXMLElement(AirSyncTag.serverId, text: "1:\(index)")])
        }
        let collection = WBXMLElement(
            AirSyncTag.collection,
            elements: [
                WBXMLElement(AirSyncTag.syncKey, text: "1"), WBXMLElement(AirSyncTag.collectionId, text: "1"),
                WBXMLElement(AirSyncTag.commands, elements: fetches),
            ])
        let sync = WBXMLElement(
            AirSyncTag.sync, elements: [WBXMLElement(AirSyncTag.collections, elements: [collection])])
        #expect(throws: RequestDecodingError(SyncStatus.protocolError, "201 commands, over the limit of 200")) {
            try SyncRequest(sync)
        }
    }

    @Test func anItemOperationsPastItsLimitIsStatus11BeforeItsOperationsAreRead() throws {
        let fetches = (0...RequestLimits.itemOperations).map { _ in WBXMLElement(ItemOperationsTag.fetch) }
        let error = #expect(throws: RequestDecodingError<ItemOperationsStatus>.self) {
            try ItemOperationsRequest(WBXMLElement(ItemOperationsTag.itemOperations, elements: fetches))
        }
        #expect(error?.status == .dataTooLarge)
    }
}
