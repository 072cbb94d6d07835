public import WBXML

/// An ItemOperations response (MS-ASCMD 2.2.1.10): a Status, then one result per operation
/// of the request, in its order.
///
/// ```xml
/// <ItemOperations><Status>1</Status><Response>
///   <Fetch><Status>1</Status><AirSync:CollectionId>5</AirSync:CollectionId>
///     <AirSync:ServerId>5:1</AirSync:ServerId><AirSync:Class>Email</AirSync:Class>
///     <Properties>…</Properties></Fetch>
/// </Response></ItemOperations>
/// ```
public struct ItemOperationsResponse: Hashable, Sendable {
    /// The outcome of one operation.
    public enum Result: Hashable, Sendable {
        /// A Fetch of an item: on success its class and ApplicationData's children as Properties.
        /// The item is named as the request named it.
        case item(status: ItemOperationsStatus, reference: ItemReference, fetched: FetchedItem?)
        /// A Fetch of an attachment by FileReference: on success its bytes or a part number.
        case attachment(status: ItemOperationsStatus, fileReference: String, fetched: FetchedAttachment?)
        case emptyFolderContents(status: ItemOperationsStatus, collectionID: String)
        /// An operation Tern does not do, answered under its own element.
        case unsupported(WBXMLTag, status: ItemOperationsStatus)
    }

    /// A fetched item's class and properties.
    public struct FetchedItem: Hashable, Sendable {
        public let itemClass: ItemClass
        public let properties: [WBXMLElement]

        public init(itemClass: ItemClass, properties: [WBXMLElement]) {
            self.itemClass = itemClass
            self.properties = properties
        }
    }

    /// A fetched attachment, whole or the byte range asked for (of `total` bytes).
    public struct FetchedAttachment: Hashable, Sendable {
        /// The bytes inline (base64 in Data), or the number of the multipart part that holds them.
        public enum Content: Hashable, Sendable {
            case inline([UInt8])
            case part(Int)
        }

        public let range: Range<Int>?
        public let total: Int?
        public let contentType: String
        public let content: Content

        public init(range: Range<Int>?, total: Int?, contentType: String, content: Content) {
            self.range = range
            self.total = total
            self.contentType = contentType
            self.content = content
        }
    }

    public var status: ItemOperationsStatus
    public var results: [Result]

    public init(status: ItemOperationsStatus, results: [Result]) {
        self.status = status
        self.results = results
    }

    public var element: WBXMLElement {
        WBXMLElement(
            ItemOperationsTag.itemOperations,
            elements: [
                Self.status(status), WBXMLElement(ItemOperationsTag.response, elements: results.map(Self.element)),
            ])
    }

    private static func element(_ result: Result) -> WBXMLElement {
        switch result {
        case .item(let status, let reference, let fetched):
            var children = [Self.status(status)]
            switch reference {
            case .server(let collectionID, let serverID):
                children.append(WBXMLElement(AirSyncTag.collectionId, text: collectionID))
                children.append(WBXMLElement(AirSyncTag.serverId, text: serverID))
            case .longID(let longID):
                children.append(WBXMLElement(SearchTag.longId, text: longID))
            }
            if let fetched {
                children.append(WBXMLElement(AirSyncTag.`class`, text: fetched.itemClass.rawValue))
                children.append(WBXMLElement(ItemOperationsTag.properties, elements: fetched.properties))
            }
            return WBXMLElement(ItemOperationsTag.fetch, elements: children)
        case .attachment(let status, let fileReference, let fetched):
            var children = [Self.status(status), WBXMLElement(AirSyncBaseTag.fileReference, text: fileReference)]
            if let fetched { children.append(properties(of: fetched)) }
            return WBXMLElement(ItemOperationsTag.fetch, elements: children)
        case .emptyFolderContents(let status, let collectionID):
            return WBXMLElement(
                ItemOperationsTag.emptyFolderContents,
                elements: [Self.status(status), WBXMLElement(AirSyncTag.collectionId, text: collectionID)])
        case .unsupported(let tag, let status):
            return WBXMLElement(tag, elements: [Self.status(status)])
        }
    }

    private static func properties(of attachment: FetchedAttachment) -> WBXMLElement {
        var list = ElementList()
        if let range = attachment.range {
            // Written inclusive, `first-last` (MS-ASCMD 2.2.3.145).
            list.append(ItemOperationsTag.range, "\(range.lowerBound)-\(range.upperBound - 1)")
            list.append(ItemOperationsTag.total, attachment.total)
        }
        list.append(AirSyncBaseTag.contentType, attachment.contentType)
        switch attachment.content {
        case .inline(let bytes): list.append(ItemOperationsTag.data, Base64.encode(bytes))
        case .part(let number): list.append(ItemOperationsTag.part, number)
        }
        return list.element(ItemOperationsTag.properties)
    }

    private static func status(_ value: ItemOperationsStatus) -> WBXMLElement {
        WBXMLElement(ItemOperationsTag.status, text: value.text)
    }
}
