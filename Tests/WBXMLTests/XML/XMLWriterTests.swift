import Testing

@testable import WBXML

@Test func writesTheRootNamespaceAsDefaultAndOthersAsPrefixesInOrderOfUse() {
    let body = WBXMLElement(
        AirSyncBaseTag.body, elements: [WBXMLElement(AirSyncBaseTag.type, text: "1")])
    let subject = WBXMLElement(EmailTag.subject, text: "Fish & chips <today>")
    let data = WBXMLElement(AirSyncTag.applicationData, elements: [subject, body])
    let root = WBXMLElement(
        AirSyncTag.sync, elements: [data, WBXMLElement(AirSyncTag.supported)])
    #expect(
        XMLWriter().write(root) == """
            <?xml version="1.0" encoding="utf-8"?>
            <Sync xmlns="AirSync:" xmlns:email="Email:" xmlns:airsyncbase="AirSyncBase:">
              <ApplicationData>
                <email:Subject>Fish &amp; chips &lt;today&gt;</email:Subject>
                <airsyncbase:Body>
                  <airsyncbase:Type>1</airsyncbase:Type>
                </airsyncbase:Body>
              </ApplicationData>
              <Supported/>
            </Sync>

            """)
}

@Test func controlCharactersSurviveTheXMLFormAsReferences() throws {
    let root = WBXMLElement(
        PingTag.ping, elements: [WBXMLElement(PingTag.status, text: "a\r\n\u{1}b")])
    let text = XMLWriter().write(root)
    #expect(text.contains("a&#13;\n&#1;b"))
    #expect(try XMLReader().read(text) == root)
}

@Test func opaqueContentIsWrittenAsBase64() {
    let root = WBXMLElement(Email2Tag.conversationId, children: [.opaque([0xFF, 0x00, 0x10])])
    #expect(XMLWriter(indents: false).write(root).hasSuffix(#"<ConversationId xmlns="Email2:">/wAQ</ConversationId>"#))
}
