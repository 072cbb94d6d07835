public import WBXML

/// SendMail, SmartReply or SmartForward (MS-ASCMD 2.2.1.17, 2.2.1.19, 2.2.1.20) in either form:
/// the 14.0+ ComposeMail document, or the 12.1 form whose body is the message itself and whose
/// query names the original and SaveInSent.
///
/// ```xml
/// <SmartReply xmlns="ComposeMail:"><ClientId>3f2a…</ClientId><SaveInSentItems/>
///   <Source><FolderId>5</FolderId><ItemId>5:12</ItemId></Source>
///   <Mime>From: …</Mime></SmartReply>
/// ```
///
/// The server answers an empty body on success, else `<SendMail><Status>…</Status></SendMail>`
/// with a common status (MS-ASCMD 2.2.2).
public struct ComposeMailRequest: Hashable, Sendable {
    /// Which of the three commands, by its root element.
    public enum Kind: Hashable, Sendable, CaseIterable {
        case sendMail, smartReply, smartForward

        /// The command that carries this kind.
        public var command: Command {
            switch self {
            case .sendMail: .sendMail
            case .smartReply: .smartReply
            case .smartForward: .smartForward
            }
        }

        public var rootTag: WBXMLTag {
            switch self {
            case .sendMail: ComposeMailTag.sendMail
            case .smartReply: ComposeMailTag.smartReply
            case .smartForward: ComposeMailTag.smartForward
            }
        }
    }

    /// The message a SmartReply or SmartForward answers (MS-ASCMD 2.2.3.168): by folder and
    /// item, by LongId (a Search result), and InstanceId for one occurrence of a meeting.
    public struct Source: Hashable, Sendable {
        public var folderID: String?
        public var itemID: String?
        public var longID: String?
        public var instanceID: String?

        public init(folderID: String? = nil, itemID: String? = nil, longID: String? = nil, instanceID: String? = nil) {
            self.folderID = folderID
            self.itemID = itemID
            self.longID = longID
            self.instanceID = instanceID
        }

        /// The item named, by folder and item or else by LongId; nil when neither is complete.
        public var item: ItemReference? {
            if let folderID, let itemID { return .server(collectionID: folderID, serverID: itemID) }
            return longID.map(ItemReference.longID)
        }
    }

    public var kind: Kind
    /// Unique per message, so that a resent request is not sent twice (MS-ASCMD 2.2.3.30.1);
    /// nil in the 12.1 form, which has none.
    public var clientID: String?
    public var saveInSentItems: Bool
    /// SmartReply/SmartForward: the device's MIME already holds the original; add nothing.
    public var replaceMime: Bool
    public var source: Source?
    /// The RFC 5322 message as the device wrote it.
    public var mime: [UInt8]

    public init(
        kind: Kind = .sendMail, clientID: String?, saveInSentItems: Bool = true, replaceMime: Bool = false,
        source: Source? = nil, mime: [UInt8]
    ) {
        self.kind = kind
        self.clientID = clientID
        self.saveInSentItems = saveInSentItems
        self.replaceMime = replaceMime
        self.source = source
        self.mime = mime
    }

    /// The longest ClientId kept (MS-ASCMD 2.2.3.30.1 allows 40 characters).
    public static let maxClientIDLength = 40

    /// Reads the 14.0+ document. The common Status 103 when the root is none of the three, the
    /// ClientId or Mime is missing, the ClientId is over 40 characters, or a SmartReply or
    /// SmartForward names no Source.
    public init(_ root: WBXMLElement) throws(RequestDecodingError<CommonStatus>) {
        guard let kind = Kind.allCases.first(where: { $0.rootTag == root.tag }) else {
            throw Self.malformed("the root is \(root.tag), not SendMail, SmartReply or SmartForward")
        }
        guard let clientID = root.firstElement(ComposeMailTag.clientId)?.text, !clientID.isEmpty,
            clientID.count <= Self.maxClientIDLength
        else { throw Self.malformed("no ClientId, or one over \(Self.maxClientIDLength) characters") }
        guard let mime = root.firstElement(ComposeMailTag.mime)?.contentBytes else { throw Self.malformed("no Mime") }
        let source = root.firstElement(ComposeMailTag.source).map { source in
            Source(
                folderID: source.firstElement(ComposeMailTag.folderId)?.text,
                itemID: source.firstElement(ComposeMailTag.itemId)?.text,
                longID: source.firstElement(ComposeMailTag.longId)?.text,
                instanceID: source.firstElement(ComposeMailTag.instanceId)?.text)
        }
        guard kind == .sendMail || source != nil else { throw Self.malformed("a \(root.tag) without Source") }
        self.init(
            kind: kind, clientID: clientID, saveInSentItems: root.firstElement(ComposeMailTag.saveInSentItems) != nil,
            replaceMime: root.firstElement(ComposeMailTag.replaceMime) != nil, source: source, mime: mime)
    }

    static func malformed(_ reason: String) -> RequestDecodingError<CommonStatus> {
        RequestDecodingError(.invalidXML, reason)
    }

    /// The 14.0+ document.
    public var element: WBXMLElement {
        var children: [WBXMLNode] = []
        if let clientID { children.append(.element(WBXMLElement(ComposeMailTag.clientId, text: clientID))) }
        if saveInSentItems { children.append(.element(WBXMLElement(ComposeMailTag.saveInSentItems))) }
        if replaceMime { children.append(.element(WBXMLElement(ComposeMailTag.replaceMime))) }
        if let source {
            let fields = [
                (ComposeMailTag.folderId, source.folderID), (ComposeMailTag.itemId, source.itemID),
                (ComposeMailTag.longId, source.longID), (ComposeMailTag.instanceId, source.instanceID),
            ]
            children.append(
                .element(
                    WBXMLElement(
                        ComposeMailTag.source,
                        elements: fields.compactMap { tag, value in value.map { WBXMLElement(tag, text: $0) } })))
        }
        children.append(.element(WBXMLElement(ComposeMailTag.mime, children: [.opaque(mime)])))
        return WBXMLElement(kind.rootTag, children: children)
    }
}
