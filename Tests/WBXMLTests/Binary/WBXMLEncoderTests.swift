import Testing

@testable import WBXML

@Test func emptyElementsCarryNoContentFlag() throws {
    let root = WBXMLElement(AirSyncTag.sync, elements: [WBXMLElement(AirSyncTag.supported)])
    #expect(try WBXMLEncoder().encode(root) == [0x03, 0x01, 0x6A, 0x00, 0x45, 0x20, 0x01])
}

@Test func textHoldingANulCannotBeEncoded() {
    let root = WBXMLElement(
        FolderHierarchyTag.folderSync,
        elements: [WBXMLElement(FolderHierarchyTag.syncKey, text: "a\u{0}b")])
    #expect(throws: WBXMLError.self) { try WBXMLEncoder().encode(root) }
}

/// The NUL check reads eight bytes at a time: a NUL at any offset of a long text, the
/// word-sized part or the tail, is found; bytes of 0x80 and 0x01 beside it are no NUL.
@Test(arguments: [0, 1, 7, 8, 9, 63, 64, 99, 100])
func aNulAnywhereInALongTextIsFound(at offset: Int) {
    var text = Array(String(repeating: "\u{80}\u{1}a", count: 34).utf8.prefix(101))
    #expect(text.count == 101)
    text[offset] = 0
    let root = WBXMLElement(AirSyncTag.sync, children: [.text(String(decoding: text, as: UTF8.self))])
    #expect(throws: WBXMLError.self) { try WBXMLEncoder().encode(root) }
}

@Test func aLongTextWithoutNulIsEncodedWhole() throws {
    let text = String(repeating: "\u{80}\u{1}aé€", count: 40)
    let bytes = try WBXMLEncoder().encode(WBXMLElement(AirSyncTag.sync, children: [.text(text)]))
    #expect(bytes == [0x03, 0x01, 0x6A, 0x00, 0x45, 0x03] + Array(text.utf8) + [0x00, 0x01])
}

@Test func aLiteralPublicIdentifierIsWrittenThroughTheStringTable() throws {
    let document = WBXMLDocument(
        root: WBXMLElement(PingTag.ping), publicIdentifier: .literal("-//MICROSOFT//DTD ActiveSync//EN"))
    let bytes = try WBXMLEncoder().encode(document)
    #expect(Array(bytes.prefix(5)) == [0x03, 0x00, 0x00, 0x6A, 0x21])
    #expect(try WBXMLDecoder().decode(bytes) == document)
}

@Test func pagesAreSwitchedOnlyWhenTheyChange() throws {
    let subject = WBXMLElement(EmailTag.subject, text: "x")
    let read = WBXMLElement(EmailTag.read, text: "1")
    let root = WBXMLElement(AirSyncTag.applicationData, elements: [subject, read])
    let bytes = try WBXMLEncoder().encode(root)
    #expect(
        bytes == [
            0x03, 0x01, 0x6A, 0x00, 0x5D, 0x00, 0x02, 0x54, 0x03, 0x78, 0x00, 0x01, 0x55, 0x03, 0x31, 0x00, 0x01, 0x01,
        ])
}
