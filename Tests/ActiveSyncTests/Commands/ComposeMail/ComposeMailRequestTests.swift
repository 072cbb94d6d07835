import ActiveSync
import Testing
import WBXML

/// SendMail, SmartReply and SmartForward documents written by a device and read by the server.
@Suite struct ComposeMailRequestTests {
    static let mime = Array("To: bob@example.org\r\nSubject: Hi\r\n\r\nHello.\r\n".utf8)

    static func throughBytes(_ element: WBXMLElement) throws -> WBXMLElement {
        try WBXMLDecoder().decode(WBXMLEncoder().encode(element)).root
    }

    @Test func sendMailCarriesTheMessageAsOpaqueBytes() throws {
        let root = try Self.throughBytes(ComposeMailRequest(clientID: "c1", mime: Self.mime).element)
        #expect(root.firstElement(ComposeMailTag.clientId)?.text == "c1")
        #expect(root.firstElement(ComposeMailTag.saveInSentItems) != nil)
        #expect(root.firstElement(ComposeMailTag.mime)?.contentBytes == Self.mime)
    }

    @Test func aSmartReplyWithItsSourceReadsBackTheSame() throws {
        let request = ComposeMailRequest(
            kind: .smartReply, clientID: "c2", saveInSentItems: false, replaceMime: true,
            source: .init(folderID: "5", itemID: "5:12", instanceID: "2026-12-24T09:00:00.000Z"), mime: Self.mime)
        #expect(try ComposeMailRequest(Self.throughBytes(request.element)) == request)
    }

    @Test(arguments: [
        #"<SendMail xmlns="ComposeMail:"><Mime>eA==</Mime></SendMail>"#,
        #"<SendMail xmlns="ComposeMail:"><ClientId>c</ClientId></SendMail>"#,
        #"<SmartForward xmlns="ComposeMail:"><ClientId>c</ClientId><Mime>eA==</Mime></SmartForward>"#,
        #"<SendMail xmlns="ComposeMail:"><ClientId>0123456789012345678901234567890123456789X</ClientId><Mime>eA==</Mime></SendMail>"#,
    ])
    func anIncompleteDocumentIsStatus103(xml: String) throws {
        let root = try XMLReader().read(xml)
        let error = #expect(throws: RequestDecodingError<CommonStatus>.self) { try ComposeMailRequest(root) }
        #expect(error?.status == .invalidXML)
    }
}
