import ActiveSync
import Testing
import WBXML

/// GetItemEstimate as a device writes the request and reads the answer, checked against the
/// server's reader and writer through WBXML bytes.
struct GetItemEstimateRoundTripTests {
    static func throughBytes(_ element: WBXMLElement) throws -> WBXMLElement {
        try WBXMLDecoder().decode(WBXMLEncoder().encode(element)).root
    }

    @Test func aWrittenRequestReadsBackTheSame() throws {
        let options = SyncOptions(filterType: 3)
        let collections = [
            GetItemEstimateRequest.Collection(collectionID: "5", syncKey: "1", options: [options]),
            GetItemEstimateRequest.Collection(collectionID: "9", syncKey: "4"),
        ]
        let read = try GetItemEstimateRequest(
            Self.throughBytes(GetItemEstimateRequest(collections: collections).element))
        #expect(read.collections == collections)
    }

    @Test func aWrittenResponseReadsBackTheSame() throws {
        let response = GetItemEstimateResponse(entries: [
            .init(status: .success, collectionID: "5", estimate: 1200),
            .init(status: .invalidCollection, collectionID: "77", estimate: nil),
        ])
        #expect(GetItemEstimateResponse(try Self.throughBytes(response.element)) == response)
    }
}
