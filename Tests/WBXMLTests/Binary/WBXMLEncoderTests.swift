import Testing
@testable import WBXML

@Test func emptyElementsCarryNoContentFlag() throws {
    let root = WBXMLElement(WBXMLTag("AirSync", "Sync"), elements: [WBXMLElement(WBXMLTag("AirSync", "Supported"))])
    #expect(try WBXMLEncoder().encode(root) == [0x03, 0x01, 0x6A, 0x00, 0x45, 0x20, 0x01])
}

@Test func textHoldingANulCannotBeEncoded() {
    let root = WBXMLElement(WBXMLTag("FolderHierarchy", "FolderSync"),
        elements: [WBXMLElement(WBXMLTag("FolderHierarchy", "SyncKey"), text: "a\u{0}b")])
    #expect(throws: WBXMLError.self) { try WBXMLEncoder().encode(root) }
}

@Test func aLiteralPublicIdentifierIsWrittenThroughTheStringTable() throws {
    let document = WBXMLDocument(
        root: WBXMLElement(WBXMLTag("Ping", "Ping")), publicIdentifier: .literal("-//MICROSOFT//DTD ActiveSync//EN"))
    let bytes = try WBXMLEncoder().encode(document)
    #expect(Array(bytes.prefix(5)) == [0x03, 0x00, 0x00, 0x6A, 0x21])
    #expect(try WBXMLDecoder().decode(bytes) == document)
}

@Test func pagesAreSwitchedOnlyWhenTheyChange() throws {
    let subject = WBXMLElement(WBXMLTag("Email", "Subject"), text: "x")
    let read = WBXMLElement(WBXMLTag("Email", "Read"), text: "1")
    let root = WBXMLElement(WBXMLTag("AirSync", "ApplicationData"), elements: [subject, read])
    let bytes = try WBXMLEncoder().encode(root)
    #expect(bytes == [0x03, 0x01, 0x6A, 0x00, 0x5D, 0x00, 0x02, 0x54, 0x03, 0x78, 0x00, 0x01, 0x55, 0x03, 0x31, 0x00, 0x01, 0x01])
}
