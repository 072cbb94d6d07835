public import WBXML

/// A Search of the GAL (MS-ASCMD 2.2.1.16) as a device writes it, for people whose name,
/// alias or address starts with `text`:
///
/// ```xml
/// <Search xmlns="Search:"><Store><Name>GAL</Name><Query>Anat</Query>
///   <Options><Range>0-1</Range></Options></Store></Search>
/// ```
public struct GALSearchRequest: Hashable, Sendable {
    public var text: String
    /// How many results at most, from the first.
    public var limit: Int

    public init(text: String, limit: Int = 50) {
        self.text = text
        self.limit = limit
    }

    public var element: WBXMLElement {
        SearchRequest.element(
            store: "GAL", query: .text(text), options: [WBXMLElement(SearchTag.range, text: "0-\(max(limit, 1) - 1)")])
    }
}
