import Testing

@testable import WBXML

private func readingError(_ text: String, reader: XMLReader = XMLReader()) -> WBXMLError? {
    do {
        _ = try reader.read(text)
        return nil
    } catch {
        return error
    }
}

private let folderSync = """
    <?xml version="1.0" encoding="utf-8"?>
    <FolderSync xmlns="FolderHierarchy:">
      <SyncKey>0</SyncKey>
    </FolderSync>
    """

@Test func readsTheXMLFormIntoTheSameTreeAsWBXML() throws {
    let root = try XMLReader().read(folderSync)
    #expect(
        root
            == WBXMLElement(
                FolderHierarchyTag.folderSync,
                elements: [WBXMLElement(FolderHierarchyTag.syncKey, text: "0")]))
}

@Test func prefixedAndPerElementNamespaceDeclarationsResolveAlike() throws {
    let prefixed = try XMLReader().read(
        #"<Sync xmlns="AirSync:" xmlns:e="Email:"><ApplicationData><e:Subject>Hi</e:Subject></ApplicationData></Sync>"#)
    let perElement = try XMLReader().read(
        #"<Sync xmlns="AirSync:"><ApplicationData><Subject xmlns="Email">Hi</Subject></ApplicationData></Sync>"#)
    #expect(prefixed == perElement)
    #expect(prefixed.elements.first?.elements.first?.tag == EmailTag.subject)
}

@Test func aDocumentTypeDeclarationIsRefused() {
    let text =
        #"<?xml version="1.0"?><!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/"><Ping xmlns="Ping:"/>"#
    #expect(readingError(text)?.code == .unsupported)
    #expect(readingError(text, reader: XMLReader(allowsDocumentTypeDeclaration: true)) == nil)
}

@Test func anInternalSubsetIsRefusedEvenWhenDoctypesAreSkipped() {
    let text = #"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Ping xmlns="Ping:">&e;</Ping>"#
    #expect(readingError(text, reader: XMLReader(allowsDocumentTypeDeclaration: true))?.code == .unsupported)
}

@Test func anUndeclaredEntityIsRefused() {
    #expect(readingError(#"<Ping xmlns="Ping:"><Status>&xxe;</Status></Ping>"#)?.code == .unsupported)
}

@Test func predefinedEntitiesAndCharacterReferencesAreDecoded() throws {
    let root = try XMLReader().read(
        #"<Ping xmlns="Ping:"><Status>&amp;&lt;&gt;&quot;&apos;&#233;&#x4F1A;</Status></Ping>"#)
    #expect(root.elements.first?.text == "&<>\"'é会")
}

@Test func attributesOtherThanNamespacesAreRefused() {
    #expect(readingError(#"<Ping xmlns="Ping:" id="1"/>"#)?.code == .unsupported)
}

@Test func anUnknownElementOrNamespaceIsAnUnknownTag() {
    #expect(readingError(#"<Ping xmlns="Ping:"><Bogus/></Ping>"#)?.code == .unknownTag)
    #expect(readingError(#"<Ping xmlns="urn:other"/>"#)?.code == .unknownTag)
    #expect(readingError(#"<x:Ping xmlns="Ping:"/>"#)?.code == .unknownTag)
}

@Test func mismatchedAndUnclosedTagsAreMalformedOrTruncated() {
    #expect(readingError(#"<Ping xmlns="Ping:"><Status>1</Folders></Ping>"#)?.code == .malformed)
    #expect(readingError(#"<Ping xmlns="Ping:"><Status>1</Status>"#)?.code == .truncated)
    #expect(readingError(#"<Ping xmlns="Ping:"/><Ping xmlns="Ping:"/>"#)?.code == .malformed)
    #expect(readingError("")?.code == .truncated)
}

@Test func layoutWhitespaceIsDroppedButTextIsKeptAsWritten() throws {
    let root = try XMLReader().read("<Ping xmlns=\"Ping:\">\n  <Status>  two  words </Status>\n</Ping>")
    #expect(root.children.count == 1)
    #expect(root.elements.first?.text == "  two  words ")
}

@Test func lineEndsAreNormalisedButCharacterReferencesAreNot() throws {
    let root = try XMLReader().read("<Ping xmlns=\"Ping:\"><Status>a\r\nb\rc&#13;</Status></Ping>")
    #expect(root.elements.first?.text == "a\nb\nc\r")
}

@Test func cdataIsText() throws {
    let root = try XMLReader().read("<Ping xmlns=\"Ping:\"><Status><![CDATA[<1>&]]></Status></Ping>")
    #expect(root.elements.first?.text == "<1>&")
}

@Test func opaqueTagsCarryBase64AsBytes() throws {
    let root = try XMLReader().read(
        #"<Sync xmlns="AirSync:" xmlns:email2="Email2:"><email2:ConversationId>AAECAw==</email2:ConversationId></Sync>"#
    )
    #expect(root.elements.first?.children == [.opaque([0, 1, 2, 3])])
    #expect(
        readingError(
            #"<Sync xmlns="AirSync:" xmlns:email2="Email2:"><email2:ConversationId>*</email2:ConversationId></Sync>"#)?
            .code == .invalidContent)
}

@Test func anEncodingOtherThanUTF8IsUnsupported() {
    #expect(readingError(#"<?xml version="1.0" encoding="ISO-8859-1"?><Ping xmlns="Ping:"/>"#)?.code == .unsupported)
}

@Test func theXMLFormHasTheSameLimitsAsWBXML() {
    let deep = "<Sync xmlns=\"AirSync:\">" + String(repeating: "<Collections>", count: 70)
    #expect(readingError(deep, reader: XMLReader(limits: WBXMLLimits(maxDepth: 64)))?.code == .tooDeep)
    #expect(readingError(folderSync, reader: XMLReader(limits: WBXMLLimits(maxBytes: 10)))?.code == .tooLarge)
    let many = "<Sync xmlns=\"AirSync:\">" + String(repeating: "<Supported/>", count: 10) + "</Sync>"
    #expect(readingError(many, reader: XMLReader(limits: WBXMLLimits(maxElements: 5)))?.code == .tooManyElements)
}

@Test func xmlTextBesideChildElementsIsMalformed() {
    #expect(readingError(#"<Ping xmlns="Ping:">x<Status>1</Status></Ping>"#)?.code == .malformed)
    #expect(readingError(#"<Ping xmlns="Ping:"><Status>1</Status>x</Ping>"#)?.code == .malformed)
}
