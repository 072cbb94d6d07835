import ActiveSync
import WBXML

/// Search and ItemOperations bodies as devices write them (MS-ASCMD 2.2.1.16 examples).
enum SearchRequests {
    /// `<Search><Store><Name>Mailbox</Name><Query><And>…</And></Query><Options>…</Options></Store></Search>`.
    static func mailbox(
        _ freeText: String?, collection: String? = nil, deep: Bool = false, range: String? = nil,
        conditions: [WBXMLElement] = [], options: [WBXMLElement] = []
    ) -> WBXMLElement {
        var and: [WBXMLElement] = [WBXMLElement(AirSyncTag.`class`, text: "Email")]
        if let collection { and.append(WBXMLElement(AirSyncTag.collectionId, text: collection)) }
        if let freeText { and.append(WBXMLElement(SearchTag.freeText, text: freeText)) }
        var optionList = options
        if let range { optionList.append(WBXMLElement(SearchTag.range, text: range)) }
        optionList.append(WBXMLElement(SearchTag.rebuildResults))
        if deep { optionList.append(WBXMLElement(SearchTag.deepTraversal)) }
        return SearchRequest.element(
            store: "Mailbox", query: .element(WBXMLElement(SearchTag.and, elements: and + conditions)),
            options: optionList)
    }

    /// A GAL search for `text`, as the specification's example (4.13.1).
    static func gal(_ text: String, range: String = "0-9", picture: Bool = false) -> WBXMLElement {
        var options = [WBXMLElement(SearchTag.range, text: range)]
        if picture { options.append(WBXMLElement(SearchTag.picture)) }
        return SearchRequest.element(store: "GAL", query: .text(text), options: options)
    }

    /// `<GreaterThan><email:DateReceived/><Value>date</Value></GreaterThan>` (or LessThan).
    static func received(_ comparison: WBXMLTag, _ date: String) -> WBXMLElement {
        WBXMLElement(
            comparison, elements: [WBXMLElement(EmailTag.dateReceived), WBXMLElement(SearchTag.value, text: date)])
    }

    /// ItemOperations Fetch of a Search result by its LongId, with the plain-text body.
    static func fetch(longID: String) -> WBXMLElement {
        WBXMLElement(
            ItemOperationsTag.itemOperations,
            elements: [
                WBXMLElement(
                    ItemOperationsTag.fetch,
                    elements: [
                        WBXMLElement(ItemOperationsTag.store, text: "Mailbox"),
                        WBXMLElement(SearchTag.longId, text: longID),
                        WBXMLElement(
                            ItemOperationsTag.options,
                            elements: [
                                WBXMLElement(
                                    AirSyncBaseTag.bodyPreference,
                                    elements: [WBXMLElement(AirSyncBaseTag.type, text: "1")])
                            ]),
                    ])
            ])
    }
}
