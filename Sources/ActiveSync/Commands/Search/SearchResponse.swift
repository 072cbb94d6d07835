public import WBXML

/// A Search response (MS-ASCMD 2.2.1.16), written by the server and read by a device: the
/// Search Status (1, or 3 for a server error), then the Store's Status, its Results, the
/// Range they fill and the Total that matched, in the schema's order.
///
/// ```xml
/// <Search><Status>1</Status><Response><Store><Status>1</Status>
///   <Result><airsync:Class>Email</airsync:Class><LongId>7/7:12</LongId>
///     <airsync:CollectionId>7</airsync:CollectionId><Properties>…</Properties></Result>
///   <Range>0-0</Range><Total>1</Total>
/// </Store></Response></Search>
/// ```
public struct SearchResponse: Hashable, Sendable {
    /// One found item, or with every field nil the empty `<Result/>` a Mailbox search without
    /// matches sends (MS-ASCMD 2.2.3.154.2).
    public struct Result: Hashable, Sendable {
        public let itemClass: String?
        public let longID: String?
        public let collectionID: String?
        /// `<Properties>` with the item's properties as children (e.g. `Email:Subject`).
        public let properties: WBXMLElement?

        public init(itemClass: String?, longID: String?, collectionID: String?, properties: [WBXMLElement]?) {
            self.itemClass = itemClass
            self.longID = longID
            self.collectionID = collectionID
            self.properties = properties.map { WBXMLElement(SearchTag.properties, elements: $0) }
        }

        public static let empty = Result(itemClass: nil, longID: nil, collectionID: nil, properties: nil)
    }

    public let status: SearchStatus
    /// The Store's Status; nil with a Search Status other than 1 (no Response then).
    public let storeStatus: SearchStatus?
    public let results: [Result]
    /// The range of results returned; nil when none are.
    public let range: SearchRange?
    /// How many matched in all (`Total`), more than `results` when the range cut them.
    public let total: Int?

    public init(
        status: SearchStatus = .success, storeStatus: SearchStatus?, results: [Result] = [], range: SearchRange? = nil,
        total: Int? = nil
    ) {
        self.status = status
        self.storeStatus = storeStatus
        self.results = results
        self.range = range
        self.total = total
    }

    /// nil when the root is not Search or has no Status.
    public init?(_ root: WBXMLElement) {
        guard root.tag == SearchTag.search, let status = SearchStatus(text: root.firstElement(SearchTag.status)?.text)
        else {
            return nil
        }
        self.status = status
        let store = root.firstElement(SearchTag.response)?.firstElement(SearchTag.store)
        storeStatus = SearchStatus(text: store?.firstElement(SearchTag.status)?.text)
        range = store?.firstElement(SearchTag.range)?.text.flatMap(SearchRange.init)
        total = store?.firstElement(SearchTag.total)?.text.flatMap { Int($0) }
        results = (store?.elements ?? []).filter { $0.tag == SearchTag.result }.map { result in
            Result(
                itemClass: result.firstElement(AirSyncTag.`class`)?.text,
                longID: result.firstElement(SearchTag.longId)?.text,
                collectionID: result.firstElement(AirSyncTag.collectionId)?.text,
                properties: result.firstElement(SearchTag.properties)?.elements)
        }
    }

    public var element: WBXMLElement {
        var list = ElementList()
        list.append(SearchTag.status, status.text)
        if let storeStatus {
            var store = ElementList()
            store.append(SearchTag.status, storeStatus.text)
            for result in results {
                var fields = ElementList()
                fields.append(AirSyncTag.`class`, result.itemClass)
                fields.append(SearchTag.longId, result.longID)
                fields.append(AirSyncTag.collectionId, result.collectionID)
                fields.append(result.properties)
                store.append(fields.element(SearchTag.result))
            }
            store.append(SearchTag.range, range?.description)
            store.append(SearchTag.total, total)
            list.append(WBXMLElement(SearchTag.response, elements: [store.element(SearchTag.store)]))
        }
        return list.element(SearchTag.search)
    }
}
