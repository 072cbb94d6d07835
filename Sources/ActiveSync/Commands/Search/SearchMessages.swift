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
        let tag = SearchTag.tag
        return WBXMLElement(
            tag("Search"),
            elements: [
                WBXMLElement(
                    tag("Store"),
                    elements: [
                        WBXMLElement(tag("Name"), text: "Mailbox"),
                        WBXMLElement(
                            tag("Query"),
                            elements: [
                                WBXMLElement(
                                    tag("And"),
                                    elements: [
                                        WBXMLElement(WBXMLTag("AirSync", "Class"), text: "Email"),
                                        WBXMLElement(tag("FreeText"), text: text),
                                    ])
                            ]),
                        WBXMLElement(
                            tag("Options"),
                            elements: [
                                WBXMLElement(tag("Range"), text: "0-\(max(limit, 1) - 1)"),
                                WBXMLElement(tag("RebuildResults")),
                                WBXMLElement(tag("DeepTraversal")),
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
        let tag = SearchTag.tag
        guard root.tag == tag("Search"), let status = root.firstElement(tag("Status"))?.text.flatMap({ Int($0) }) else {
            return nil
        }
        self.status = status
        let store = root.firstElement(tag("Response"))?.firstElement(tag("Store"))
        storeStatus = store?.firstElement(tag("Status"))?.text.flatMap { Int($0) }
        total = store?.firstElement(tag("Total"))?.text.flatMap { Int($0) }
        results = (store?.elements ?? []).filter { $0.tag == tag("Result") }.map { result in
            Result(
                longID: result.firstElement(tag("LongId"))?.text,
                collectionID: result.firstElement(WBXMLTag("AirSync", "CollectionId"))?.text,
                properties: result.firstElement(tag("Properties")))
        }
    }
}

/// Tags of the Search code page (MS-ASWBXML 2.1.2.1.16).
enum SearchTag {
    static func tag(_ name: String) -> WBXMLTag { WBXMLTag("Search", name) }
}
