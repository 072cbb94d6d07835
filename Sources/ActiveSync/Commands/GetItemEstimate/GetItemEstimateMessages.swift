public import WBXML

/// A GetItemEstimate request (MS-ASCMD 2.2.1.9): per collection its id, the device's sync
/// key and, optionally, options (14.0+) or a FilterType (12.1) to estimate under.
public struct GetItemEstimateRequest: DecodableRequest, Hashable {
    public static let rootTag = GetItemEstimateTag.getItemEstimate
    public static let malformedStatus = GetItemEstimateStatus.invalidCollection

    public struct Collection: Hashable, Sendable {
        public let collectionID: String
        public let syncKey: String
        /// Options to estimate under, as Sync's Options; a 12.1 FilterType is wrapped in one.
        public let options: [SyncOptions]

        public init(collectionID: String, syncKey: String, options: [SyncOptions] = []) {
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
        return WBXMLElement(
            GetItemEstimateTag.getItemEstimate,
            elements: [
                WBXMLElement(
                    GetItemEstimateTag.collections,
                    elements: collections.map { collection in
                        let key = WBXMLElement(AirSyncTag.syncKey, text: collection.syncKey)
                        let id = WBXMLElement(GetItemEstimateTag.collectionId, text: collection.collectionID)
                        return WBXMLElement(
                            GetItemEstimateTag.collection, elements: [key, id] + collection.options.map(\.element))
                    })
            ])
    }

    /// Status 2 when the root is not GetItemEstimate or a collection lacks its id or key; the
    /// common Status 103 past `RequestLimits.estimateCollections`.
    public init(_ root: WBXMLElement) throws(RequestDecodingError<GetItemEstimateStatus>) {
        try Self.requireRoot(root)
        guard let list = root.firstElement(GetItemEstimateTag.collections) else {
            throw Self.malformed("no Collections")
        }
        var collections: [Collection] = []
        for element in list.elements where element.tag == GetItemEstimateTag.collection {
            let collectionID = try element.requiredText(GetItemEstimateTag.collectionId, for: Self.self)
            let syncKey = try element.requiredText(AirSyncTag.syncKey, for: Self.self)
            var options = element.elements.filter { $0.tag == AirSyncTag.options }.map(SyncOptions.init)
            if options.isEmpty, let filter = element.firstElement(AirSyncTag.filterType) {
                options = [SyncOptions(WBXMLElement(AirSyncTag.options, elements: [filter]))]
            }
            collections.append(Collection(collectionID: collectionID, syncKey: syncKey, options: options))
        }
        guard !collections.isEmpty else { throw Self.malformed("no Collection") }
        guard collections.count <= RequestLimits.estimateCollections else {
            throw RequestDecodingError(
                .init(.invalidXML),
                "\(collections.count) collections, over the limit of \(RequestLimits.estimateCollections)")
        }
        self.collections = collections
    }

}

/// A GetItemEstimate response: one Response per collection, `Status` then the estimate.
public struct GetItemEstimateResponse: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let status: GetItemEstimateStatus
        public let collectionID: String
        public let estimate: Int?

        public init(status: GetItemEstimateStatus, collectionID: String, estimate: Int?) {
            self.status = status
            self.collectionID = collectionID
            self.estimate = estimate
        }
    }

    public var status: GetItemEstimateStatus?
    public var entries: [Entry]

    public init(status: GetItemEstimateStatus? = nil, entries: [Entry] = []) {
        self.status = status
        self.entries = entries
    }

    /// Reads a server's answer, as a device does; nil when the root is not GetItemEstimate or
    /// a Response lacks its Status or CollectionId.
    public init?(_ root: WBXMLElement) {
        guard root.tag == GetItemEstimateTag.getItemEstimate else { return nil }
        status = GetItemEstimateStatus(text: root.firstElement(GetItemEstimateTag.status)?.text)
        var entries: [Entry] = []
        for response in root.elements where response.tag == GetItemEstimateTag.response {
            guard let status = GetItemEstimateStatus(text: response.firstElement(GetItemEstimateTag.status)?.text),
                let collection = response.firstElement(GetItemEstimateTag.collection),
                let collectionID = collection.firstElement(GetItemEstimateTag.collectionId)?.text
            else { return nil }
            let estimate = collection.firstElement(GetItemEstimateTag.estimate)?.text.flatMap { Int($0) }
            entries.append(Entry(status: status, collectionID: collectionID, estimate: estimate))
        }
        self.entries = entries
    }

    public var element: WBXMLElement {
        var children: [WBXMLElement] = []
        if let status { children.append(WBXMLElement(GetItemEstimateTag.status, text: status.text)) }
        for entry in entries {
            var collection = [WBXMLElement(GetItemEstimateTag.collectionId, text: entry.collectionID)]
            if let estimate = entry.estimate {
                collection.append(WBXMLElement(GetItemEstimateTag.estimate, text: String(estimate)))
            }
            children.append(
                WBXMLElement(
                    GetItemEstimateTag.response,
                    elements: [
                        WBXMLElement(GetItemEstimateTag.status, text: entry.status.text),
                        WBXMLElement(GetItemEstimateTag.collection, elements: collection),
                    ]))
        }
        return WBXMLElement(GetItemEstimateTag.getItemEstimate, elements: children)
    }
}
