public import WBXML

/// A SendMail request of 14.0 and later (MS-ASCMD 2.2.1.17): a whole RFC 5322 message, sent
/// as opaque data, and whether the server keeps a copy in Sent Items.
///
/// ```xml
/// <SendMail xmlns="ComposeMail:"><ClientId>3f2a…</ClientId><SaveInSentItems/>
///   <Mime>From: …</Mime></SendMail>
/// ```
///
/// The server answers an empty body on success, else `<SendMail><Status>…</Status></SendMail>`.
public struct SendMailRequest: Hashable, Sendable {
    /// Unique per message, so that a resent request is not sent twice (MS-ASCMD 2.2.3.30.1).
    public var clientID: String
    public var saveInSentItems: Bool
    public var mime: [UInt8]

    public init(clientID: String, saveInSentItems: Bool = true, mime: [UInt8]) {
        self.clientID = clientID
        self.saveInSentItems = saveInSentItems
        self.mime = mime
    }

    public var element: WBXMLElement {
        var children: [WBXMLNode] = [.element(WBXMLElement(ComposeMailTag.clientId, text: clientID))]
        if saveInSentItems { children.append(.element(WBXMLElement(ComposeMailTag.saveInSentItems))) }
        children.append(.element(WBXMLElement(ComposeMailTag.mime, children: [.opaque(mime)])))
        return WBXMLElement(ComposeMailTag.sendMail, children: children)
    }

    /// The Status of a failed SendMail's answer (MS-ASCMD 2.2.3.177.15); nil when there is none.
    public static func status(of root: WBXMLElement) -> Int? {
        guard root.tag == ComposeMailTag.sendMail else { return nil }
        return root.firstElement(ComposeMailTag.status)?.text.flatMap { Int($0) }
    }

}
