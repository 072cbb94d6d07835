import Testing

@testable import WBXML

/// `03 01 6A 00` + FolderSync(SyncKey "0"): the smallest real request.
private let folderSyncRequest: [UInt8] = [0x03, 0x01, 0x6A, 0x00, 0x00, 0x07, 0x56, 0x52, 0x03, 0x30, 0x00, 0x01, 0x01]

private func decodingError(_ bytes: [UInt8], limits: WBXMLLimits = .default) -> WBXMLError? {
    do {
        _ = try WBXMLDecoder(limits: limits).decode(bytes)
        return nil
    } catch {
        return error
    }
}

@Test func decodesAFolderSyncRequestIntoItsTree() throws {
    let document = try WBXMLDecoder().decode(folderSyncRequest)
    let expected = WBXMLElement(
        FolderHierarchyTag.folderSync,
        elements: [WBXMLElement(FolderHierarchyTag.syncKey, text: "0")])
    #expect(document.root == expected)
    #expect(document.version == 0x03)
    #expect(document.publicIdentifier == .known(1))
}

@Test func everyStrictPrefixOfADocumentIsTruncated() {
    for length in 0..<folderSyncRequest.count {
        let error = decodingError(Array(folderSyncRequest.prefix(length)))
        #expect(error?.code == .truncated, "prefix of \(length) bytes gave \(String(describing: error))")
    }
}

@Test func inputOverTheSizeLimitIsRefusedBeforeDecoding() {
    let error = decodingError(folderSyncRequest, limits: WBXMLLimits(maxBytes: 12))
    #expect(error?.code == .tooLarge)
}

@Test func nestingDeeperThanTheLimitIsRefusedAtTheOffendingTag() {
    // Collections > Collection > Collections > ... under Sync, each with content.
    var bytes: [UInt8] = [0x03, 0x01, 0x6A, 0x00, 0x45]
    for _ in 0..<70 { bytes.append(0x5C) }
    let error = decodingError(bytes, limits: WBXMLLimits(maxDepth: 64))
    #expect(error?.code == .tooDeep)
    #expect(error?.offset == 4 + 64)
}

@Test func moreElementsThanTheLimitAreRefused() {
    var bytes: [UInt8] = [0x03, 0x01, 0x6A, 0x00, 0x45]
    bytes += [UInt8](repeating: 0x20, count: 10) + [0x01]
    #expect(decodingError(bytes, limits: WBXMLLimits(maxElements: 5))?.code == .tooManyElements)
    #expect(decodingError(bytes, limits: WBXMLLimits(maxElements: 11)) == nil)
}

/// A body cut into 100,000 one-byte OPAQUE runs (a hostile SendMail Mime) decodes into one
/// content node, not 100,000; runs of text and opaque that alternate count against `maxElements`.
@Test func contentRunsJoinAndAlternatingRunsAreCounted() throws {
    // <Sync> (page 0, 0x45 with content) holding the runs.
    let run: [UInt8] = [0xC3, 0x01, 0x78]
    let runs: [UInt8] = Array(repeating: run, count: 100_000).flatMap { $0 }
    let head: [UInt8] = [0x03, 0x01, 0x6A, 0x00, 0x45]
    let root = try WBXMLDecoder().decode(head + runs + [0x01]).root
    #expect(root.children.count == 1)
    #expect(root.contentBytes == [UInt8](repeating: 0x78, count: 100_000))
    let pair: [UInt8] = [0xC3, 0x01, 0x78, 0x03, 0x79, 0x00]
    let bytes: [UInt8] = head + Array(repeating: pair, count: 10).flatMap { $0 } + [0x01]
    #expect(decodingError(bytes, limits: WBXMLLimits(maxElements: 10))?.code == .tooManyElements)
    #expect(decodingError(bytes, limits: WBXMLLimits(maxElements: 21)) == nil)
}

@Test func anUnknownTokenIsNamedWithItsOffset() {
    // Page 0 has no token 0x3F.
    let error = decodingError([0x03, 0x01, 0x6A, 0x00, 0x45, 0x7F, 0x01, 0x01])
    #expect(error?.code == .unknownTag)
    #expect(error?.offset == 5)
}

@Test func anUnknownCodePageIsRefused() {
    let error = decodingError([0x03, 0x01, 0x6A, 0x00, 0x00, 0x40, 0x45, 0x01])
    #expect(error?.code == .unknownTag)
    #expect(error?.offset == 5)
}

@Test(arguments: [
    (0xC5 as UInt8, "tag with attributes"), (0x04, "LITERAL"), (0x44, "LITERAL_C"), (0x43, "PI"),
    (0x80, "EXT_T_0"), (0xC0, "EXT_0"), (0x40, "EXT_I_0"),
])
func constructsEASNeverUsesAreUnsupported(byte: UInt8, construct: String) {
    let error = decodingError([0x03, 0x01, 0x6A, 0x00, 0x45, byte, 0x00, 0x01, 0x01])
    #expect(error?.code == .unsupported, "\(construct)")
    #expect(error?.offset == 5)
}

@Test func endWithoutAnOpenElementIsMalformed() {
    #expect(decodingError([0x03, 0x01, 0x6A, 0x00, 0x01])?.code == .malformed)
}

@Test func bytesAfterTheRootAreMalformed() {
    #expect(decodingError(folderSyncRequest + [0x01])?.code == .malformed)
}

@Test func invalidUTF8TextIsRefusedNotReplaced() {
    let bytes: [UInt8] = [0x03, 0x01, 0x6A, 0x00, 0x00, 0x07, 0x56, 0x52, 0x03, 0xC3, 0x28, 0x00, 0x01, 0x01]
    #expect(decodingError(bytes)?.code == .invalidContent)
}

@Test func anOpaqueLengthBeyondTheInputIsTruncatedWithoutAllocating() {
    // OPAQUE with length 0x0FFFFFFF (mb_u_int32 FF FF FF 7F) and 2 bytes of data.
    let bytes: [UInt8] = [0x03, 0x01, 0x6A, 0x00, 0x45, 0x4B, 0xC3, 0xFF, 0xFF, 0xFF, 0x7F, 0x01, 0x01]
    let error = decodingError(bytes)
    #expect(error?.code == .truncated)
    #expect(error?.offset == 11)
}

@Test func multiByteIntegersDecodeAcrossGroups() throws {
    // An opaque block of 200 bytes: length 200 is the two-byte mb_u_int32 81 48.
    let payload = (0..<200).map { UInt8($0 & 0xFF) }
    let bytes: [UInt8] = [0x03, 0x01, 0x6A, 0x00, 0x45, 0x4B, 0xC3, 0x81, 0x48] + payload + [0x01, 0x01]
    let document = try WBXMLDecoder().decode(bytes)
    #expect(document.root.elements.first?.children == [.opaque(payload)])
    #expect(try WBXMLEncoder().encode(document) == bytes)
}

@Test func aMultiByteIntegerLongerThanFiveBytesIsMalformed() {
    let bytes: [UInt8] = [0x03, 0x81, 0x81, 0x81, 0x81, 0x81, 0x01, 0x6A, 0x00]
    #expect(decodingError(bytes)?.code == .malformed)
}

@Test func aCharsetOtherThanUTF8IsUnsupported() {
    #expect(decodingError([0x03, 0x01, 0x04, 0x00, 0x45, 0x01])?.code == .unsupported)
}

@Test func aStringTableIsAcceptedAndReferencesResolve() throws {
    // Literal public id at index 0 of a table holding "-//AIRSYNC//DTD//EN\0" and "5\0",
    // then Sync > Collections > Collection > SyncKey STR_T(20).
    let table = Array("-//AIRSYNC//DTD//EN".utf8) + [0] + Array("5".utf8) + [0]
    let bytes: [UInt8] =
        [0x03, 0x00, 0x00, 0x6A, UInt8(table.count)] + table
        + [0x45, 0x5C, 0x4F, 0x4B, 0x83, 0x14, 0x01, 0x01, 0x01, 0x01]
    let document = try WBXMLDecoder().decode(bytes)
    #expect(document.publicIdentifier == .literal("-//AIRSYNC//DTD//EN"))
    let syncKey = document.root.elements.first?.elements.first?.elements.first
    #expect(syncKey?.text == "5")
}

@Test func aStringTableReferenceOutsideTheTableIsRefused() {
    let bytes: [UInt8] = [0x03, 0x01, 0x6A, 0x02, 0x41, 0x00, 0x45, 0x4B, 0x83, 0x05, 0x01, 0x01]
    #expect(decodingError(bytes)?.code == .lengthOutOfRange)
}

@Test func switchPageStaysInEffectUntilTheNextSwitch() throws {
    // Sync > Collections > Collection > ApplicationData(page 0) > email:Subject, email:Read.
    let bytes: [UInt8] = [
        0x03, 0x01, 0x6A, 0x00, 0x45, 0x5C, 0x4F, 0x5D, 0x00, 0x02, 0x54, 0x03, 0x48, 0x69, 0x00, 0x01,
        0x55, 0x03, 0x31, 0x00, 0x01, 0x01, 0x00, 0x00, 0x20, 0x01, 0x01, 0x01,
    ]
    let document = try WBXMLDecoder().decode(bytes)
    let collection = try #require(document.root.elements.first?.elements.first)
    let applicationData = try #require(collection.elements.first)
    #expect(applicationData.elements.map(\.tag) == [EmailTag.subject, EmailTag.read])
    #expect(collection.elements.last?.tag == AirSyncTag.supported)
    #expect(try WBXMLEncoder().encode(document) == bytes)
}

@Test func wbxmlTextBesideChildElementsIsMalformed() {
    // Sync > STR_I "x" then Collections, and Sync > Collections then STR_I "x".
    let textFirst: [UInt8] = [0x03, 0x01, 0x6A, 0x00, 0x45, 0x03, 0x78, 0x00, 0x1C, 0x01]
    let elementFirst: [UInt8] = [0x03, 0x01, 0x6A, 0x00, 0x45, 0x1C, 0x03, 0x78, 0x00, 0x01]
    #expect(decodingError(textFirst)?.code == .malformed)
    #expect(decodingError(textFirst)?.offset == 8)
    #expect(decodingError(elementFirst)?.code == .malformed)
    #expect(decodingError(elementFirst)?.offset == 6)
}

@Test func wbxmlVersionsWithoutACharsetFieldAreUnsupported() {
    #expect(decodingError([0x00, 0x01, 0x00, 0x45, 0x01])?.code == .unsupported)
    #expect(decodingError([0x04, 0x01, 0x6A, 0x00, 0x45, 0x01])?.code == .unsupported)
}
