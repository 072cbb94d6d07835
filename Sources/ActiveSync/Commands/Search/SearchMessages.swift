public import WBXML

/// A Search of the mailbox (MS-ASCMD 2.2.1.16) for mail whose text holds `text`:
///
/// ```xml
/// <Search xmlns="Search:"><Store><Name>Mailbox</Name>
///   <Query><And><AirSync:Class>Email</AirSync:Class><FreeText>lunch</FreeText></And></Query>
///   <Options><Range>0-49</Range><RebuildResults/><DeepTraversal/></Options>
/// </Store></Search>
/// ```
public struct MailboxSearchRequest: Hashable, Sendable {
    public var text: String
    /// How many results at most, from the first (`Range` 0 to limit - 1).
    public var limit: Int

    public init(text: String, limit: Int = 50) {
        self.text = text
        self.limit = limit
    }

    public var element: WBXMLElement {
        return WBXMLElement(
            SearchTag.search,
            elements: [
                WBXMLElement(
                    SearchTag.store,
                    elements: [
                        WBXMLElement(SearchTag.name, text: "Mailbox"),
                        WBXMLElement(
                            SearchTag.query,
                            elements: [
                                WBXMLElement(
                                    SearchTag.and,
                                    elements: [
                                        WBXMLElement(AirSyncTag.`class`, text: "Email"),
                                        WBXMLElement(SearchTag.freeText, text: text),
                                    ])
                            ]),
                        WBXMLElement(
                            SearchTag.options,
                            elements: [
                                WBXMLElement(SearchTag.range, text: "0-\(max(limit, 1) - 1)"),
                                WBXMLElement(SearchTag.rebuildResults),
                                WBXMLElement(SearchTag.deepTraversal),
                            ]),
                    ])
            ])
    }
}

/// A Search response (MS-ASCMD 2.2.1.16) as a device reads it: the overall and the store's
/// Status, and each Result with its folder, LongId and properties.
public struct SearchResponse: Hashable, Sendable {
    public struct Result: Hashable, Sendable {
        public let longID: String?
        public let collectionID: String?
        /// `<Properties>` with the item's properties as children (e.g. `Email:Subject`).
        public let properties: WBXMLElement?
    }

    public let status: Int
    public let storeStatus: Int?
    public let results: [Result]
    /// How many matched in all (`Total`), more than `results` when the range cut them.
    public let total: Int?

    /// nil when the root is not Search or has no Status.
    public init?(_ root: WBXMLElement) {
        guard root.tag == SearchTag.search, let status = root.firstElement(SearchTag.status)?.text.flatMap({ Int($0) })
        else {
            return nil
        }
        self.status = status
        let store = root.firstElement(SearchTag.response)?.firstElement(SearchTag.store)
        storeStatus = store?.firstElement(SearchTag.status)?.text.flatMap { Int($0) }
        total = store?.firstElement(SearchTag.total)?.text.flatMap { Int($0) }
        results = (store?.elements ?? []).filter { $0.tag == SearchTag.result }.map { result in
            Result(
                longID: result.firstElement(SearchTag.longId)?.text,
                collectionID: result.firstElement(AirSyncTag.collectionId)?.text,
                properties: result.firstElement(SearchTag.properties))
        }
    }
}
