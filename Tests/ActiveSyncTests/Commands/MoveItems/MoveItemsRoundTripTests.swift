import ActiveSync
import Testing
import WBXML

/// The device writes MoveItems and reads its answer; the server reads and writes the same,
/// checked against each other through WBXML bytes.
struct MoveItemsRoundTripTests {
    static func throughBytes(_ element: WBXMLElement) throws -> WBXMLElement {
        try WBXMLDecoder().decode(WBXMLEncoder().encode(element)).root
    }

    @Test func aWrittenRequestReadsBackTheSame() throws {
        let moves = [
            MoveItemsRequest.Move(sourceItemID: "5:12", sourceFolderID: "5", destinationFolderID: "7"),
            MoveItemsRequest.Move(sourceItemID: "5:13", sourceFolderID: "5", destinationFolderID: "9"),
        ]
        let read = try MoveItemsRequest(Self.throughBytes(MoveItemsRequest(moves: moves).element))
        #expect(read.moves == moves)
    }

    @Test func aWrittenResponseReadsBackTheSame() throws {
        let response = MoveItemsResponse(entries: [
            .init(sourceItemID: "5:12", status: MoveStatus.success, destinationItemID: "7:1"),
            .init(sourceItemID: "5:13", status: MoveStatus.invalidSource, destinationItemID: nil),
        ])
        #expect(MoveItemsResponse(try Self.throughBytes(response.element)) == response)
    }

    @Test func aResponseWithoutStatusIsNotOne() {
        let tag = { WBXMLTag("Move", $0) }
        let broken = WBXMLElement(
            tag("MoveItems"),
            elements: [
                WBXMLElement(tag("Response"), elements: [WBXMLElement(tag("SrcMsgId"), text: "5:12")])
            ])
        #expect(MoveItemsResponse(broken) == nil)
    }
}
