public import WBXML

extension SyncRequest {
    /// The request as a device writes it (MS-ASCMD 2.2.1.21.2), children in the specification's
    /// order: Collections, Wait or HeartbeatInterval, WindowSize, Partial.
    ///
    /// ```xml
    /// <Sync xmlns="AirSync:"><Collections><Collection>
    ///   <SyncKey>1</SyncKey><CollectionId>5</CollectionId><WindowSize>100</WindowSize>
    /// </Collection></Collections></Sync>
    /// ```
    public var element: WBXMLElement {
        var children: [WBXMLElement] = []
        if !collections.isEmpty {
            children.append(WBXMLElement(SyncTag.collections, elements: collections.map(\.element)))
        }
        if let wait { children.append(WBXMLElement(SyncTag.wait, text: String(wait))) }
        if let heartbeatInterval {
            children.append(WBXMLElement(SyncTag.heartbeatInterval, text: String(heartbeatInterval)))
        }
        if let windowSize { children.append(WBXMLElement(SyncTag.windowSize, text: String(windowSize))) }
        if isPartial { children.append(WBXMLElement(SyncTag.partial)) }
        return WBXMLElement(SyncTag.sync, elements: children)
    }
}

extension SyncCollectionRequest {
    /// One `<Collection>` (MS-ASCMD 2.2.3.29.2): SyncKey, CollectionId, Supported,
    /// DeletesAsMoves, GetChanges, WindowSize, Options, Commands. Supported names that are not
    /// in the code pages are left out; the rest are written sorted, so the bytes are stable.
    public var element: WBXMLElement {
        var children = [
            WBXMLElement(SyncTag.syncKey, text: syncKey), WBXMLElement(SyncTag.collectionID, text: collectionID),
        ]
        if let supported {
            let tags = supported.sorted().compactMap { name -> WBXMLTag? in
                let parts = name.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { return nil }
                return WBXMLTag(namespace: String(parts[0]), name: String(parts[1]))
            }
            children.append(WBXMLElement(SyncTag.supported, elements: tags.map { WBXMLElement($0) }))
        }
        if let deletesAsMoves {
            children.append(WBXMLElement(SyncTag.deletesAsMoves, text: deletesAsMoves ? "1" : "0"))
        }
        if let getChanges { children.append(WBXMLElement(SyncTag.getChanges, text: getChanges ? "1" : "0")) }
        if let windowSize { children.append(WBXMLElement(SyncTag.windowSize, text: String(windowSize))) }
        children += options
        if !commands.isEmpty { children.append(WBXMLElement(SyncTag.commands, elements: commands.map(\.element))) }
        return WBXMLElement(SyncTag.collection, elements: children)
    }
}

extension SyncClientCommand {
    /// `<Add><ClientId>…</ClientId><ApplicationData>…</ApplicationData></Add>`, and likewise
    /// Change, Delete and Fetch with a ServerId (MS-ASCMD 2.2.3.32).
    public var element: WBXMLElement {
        switch self {
        case .add(let clientID, let data):
            WBXMLElement(SyncTag.add, elements: [WBXMLElement(SyncTag.clientID, text: clientID), data])
        case .change(let serverID, let instanceID, let data):
            WBXMLElement(
                SyncTag.change,
                elements: [WBXMLElement(SyncTag.serverID, text: serverID)] + Self.instance(instanceID) + [data])
        case .delete(let serverID, let instanceID):
            WBXMLElement(
                SyncTag.delete, elements: [WBXMLElement(SyncTag.serverID, text: serverID)] + Self.instance(instanceID))
        case .fetch(let serverID):
            WBXMLElement(SyncTag.fetch, elements: [WBXMLElement(SyncTag.serverID, text: serverID)])
        }
    }

    private static func instance(_ instanceID: String?) -> [WBXMLElement] {
        instanceID.map { [WBXMLElement(SyncTag.instanceID, text: $0)] } ?? []
    }
}
