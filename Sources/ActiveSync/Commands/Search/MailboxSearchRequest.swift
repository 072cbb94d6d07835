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
        SearchRequest.element(
            store: "Mailbox",
            query: .element(
                WBXMLElement(
                    SearchTag.and,
                    elements: [
                        WBXMLElement(AirSyncTag.`class`, text: "Email"), WBXMLElement(SearchTag.freeText, text: text),
                    ])),
            options: [
                WBXMLElement(SearchTag.range, text: "0-\(max(limit, 1) - 1)"), WBXMLElement(SearchTag.rebuildResults),
                WBXMLElement(SearchTag.deepTraversal),
            ])
    }
}

extension SearchRequest {
    /// `<Search><Store><Name>store</Name><Query>query</Query><Options>options</Options></Store></Search>`
    /// as a device writes it; `query` is the Query's content (And, or the GAL's text).
    public static func element(store: String, query: WBXMLNode, options: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(
            SearchTag.search,
            elements: [
                WBXMLElement(
                    SearchTag.store,
                    elements: [
                        WBXMLElement(SearchTag.name, text: store), WBXMLElement(SearchTag.query, children: [query]),
                        WBXMLElement(SearchTag.options, elements: options),
                    ])
            ])
    }
}
