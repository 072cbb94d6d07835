public import WBXML

/// A GetItemEstimate request (MS-ASCMD 2.2.1.9): per collection its id, the device's sync
/// key and, optionally, options (14.0+) or a FilterType (12.1) to estimate under.
public struct GetItemEstimateRequest: Hashable, Sendable {
    public struct Collection: Hashable, Sendable {
        public let collectionID: String
        public let syncKey: String
        /// Options to estimate under, as Sync's Options; a 12.1 FilterType is wrapped in one.
        public let options: [WBXMLElement]

        public init(collectionID: String, syncKey: String, options: [WBXMLElement] = []) {
            self.collectionID = collectionID
            self.syncKey = syncKey
            self.options = options
        }
    }

    public let collections: [Collection]

    public init(collections: [Collection]) {
        self.collections = collections
    }

    /// The request as a 14.0+ device writes it, each Collection's children in the schema's
    /// order (SyncKey, CollectionId, Options):
    ///
    /// ```xml
    /// <GetItemEstimate xmlns="GetItemEstimate:"><Collections><Collection>
    ///   <AirSync:SyncKey>1</AirSync:SyncKey><CollectionId>5</CollectionId>
    /// </Collection></Collections></GetItemEstimate>
    /// ```
    public var element: WBXMLElement {
        let tag = Self.tag
        return WBXMLElement(
            tag("GetItemEstimate"),
            elements: [
                WBXMLElement(
                    tag("Collections"),
                    elements: collections.map { collection in
                        let key = WBXMLElement(SyncTag.syncKey, text: collection.syncKey)
                        let id = WBXMLElement(tag("CollectionId"), text: collection.collectionID)
                        return WBXMLElement(tag("Collection"), elements: [key, id] + collection.options)
                    })
            ])
    }

    public init?(_ root: WBXMLElement) {
        guard root.tag == Self.tag("GetItemEstimate"), let list = root.firstElement(Self.tag("Collections")) else {
            return nil
        }
        var collections: [Collection] = []
        for element in list.elements where element.tag == Self.tag("Collection") {
            guard let collectionID = element.firstElement(Self.tag("CollectionId"))?.text,
                let syncKey = element.firstElement(SyncTag.syncKey)?.text
            else { return nil }
            var options = element.elements.filter { $0.tag == SyncTag.options }
            if options.isEmpty, let filter = element.firstElement(SyncTag.filterType) {
                options = [WBXMLElement(SyncTag.options, elements: [filter])]
            }
            collections.append(Collection(collectionID: collectionID, syncKey: syncKey, options: options))
        }
        guard !collections.isEmpty else { return nil }
        self.collections = collections
    }

    static func tag(_ name: String) -> WBXMLTag { WBXMLTag("GetItemEstimate", name) }
}

/// A GetItemEstimate response: one Response per collection, `Status` then the estimate.
public struct GetItemEstimateResponse: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let status: Int
        public let collectionID: String
        public let estimate: Int?

        public init(status: Int, collectionID: String, estimate: Int?) {
            self.status = status
            self.collectionID = collectionID
            self.estimate = estimate
        }
    }

    public var status: Int?
    public var entries: [Entry]

    public init(status: Int? = nil, entries: [Entry] = []) {
        self.status = status
        self.entries = entries
    }

    /// Reads a server's answer, as a device does; nil when the root is not GetItemEstimate or
    /// a Response lacks its Status or CollectionId.
    public init?(_ root: WBXMLElement) {
        let tag = GetItemEstimateRequest.tag
        guard root.tag == tag("GetItemEstimate") else { return nil }
        status = root.firstElement(tag("Status"))?.text.flatMap { Int($0) }
        var entries: [Entry] = []
        for response in root.elements where response.tag == tag("Response") {
            guard let status = response.firstElement(tag("Status"))?.text.flatMap({ Int($0) }),
                let collection = response.firstElement(tag("Collection")),
                let collectionID = collection.firstElement(tag("CollectionId"))?.text
            else { return nil }
            let estimate = collection.firstElement(tag("Estimate"))?.text.flatMap { Int($0) }
            entries.append(Entry(status: status, collectionID: collectionID, estimate: estimate))
        }
        self.entries = entries
    }

    public var element: WBXMLElement {
        let tag = GetItemEstimateRequest.tag
        var children: [WBXMLElement] = []
        if let status { children.append(WBXMLElement(tag("Status"), text: String(status))) }
        for entry in entries {
            var collection = [WBXMLElement(tag("CollectionId"), text: entry.collectionID)]
            if let estimate = entry.estimate {
                collection.append(WBXMLElement(tag("Estimate"), text: String(estimate)))
            }
            children.append(
                WBXMLElement(
                    tag("Response"),
                    elements: [
                        WBXMLElement(tag("Status"), text: String(entry.status)),
                        WBXMLElement(tag("Collection"), elements: collection),
                    ]))
        }
        return WBXMLElement(tag("GetItemEstimate"), elements: children)
    }
}
