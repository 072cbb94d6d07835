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
            children.append(WBXMLElement(AirSyncTag.collections, elements: collections.map(\.element)))
        }
        if let wait { children.append(WBXMLElement(AirSyncTag.wait, text: String(wait))) }
        if let heartbeatInterval {
            children.append(WBXMLElement(AirSyncTag.heartbeatInterval, text: String(heartbeatInterval)))
        }
        if let windowSize { children.append(WBXMLElement(AirSyncTag.windowSize, text: String(windowSize))) }
        if isPartial { children.append(WBXMLElement(AirSyncTag.partial)) }
        return WBXMLElement(AirSyncTag.sync, elements: children)
    }
}

extension SyncCollectionRequest {
    /// One `<Collection>` (MS-ASCMD 2.2.3.29.2): SyncKey, CollectionId, Supported,
    /// DeletesAsMoves, GetChanges, WindowSize, Options, Commands. Supported names that are not
    /// in the code pages are left out; the rest are written sorted, so the bytes are stable.
    public var element: WBXMLElement {
        var children = [
            WBXMLElement(AirSyncTag.syncKey, text: syncKey), WBXMLElement(AirSyncTag.collectionId, text: collectionID),
        ]
        if let supported {
            let tags = supported.sorted().compactMap { name -> WBXMLTag? in
                let parts = name.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { return nil }
                return WBXMLTag(namespace: String(parts[0]), name: String(parts[1]))
            }
            children.append(WBXMLElement(AirSyncTag.supported, elements: tags.map { WBXMLElement($0) }))
        }
        if let deletesAsMoves {
            children.append(WBXMLElement(AirSyncTag.deletesAsMoves, text: deletesAsMoves ? "1" : "0"))
        }
        if let getChanges { children.append(WBXMLElement(AirSyncTag.getChanges, text: getChanges ? "1" : "0")) }
        if let windowSize { children.append(WBXMLElement(AirSyncTag.windowSize, text: String(windowSize))) }
        children += options.map(\.element)
        if !commands.isEmpty { children.append(WBXMLElement(AirSyncTag.commands, elements: commands.map(\.element))) }
        return WBXMLElement(AirSyncTag.collection, elements: children)
    }
}

extension SyncClientCommand {
    /// `<Add><ClientId>…</ClientId><ApplicationData>…</ApplicationData></Add>`, and likewise
    /// Change, Delete and Fetch with a ServerId (MS-ASCMD 2.2.3.32).
    public var element: WBXMLElement {
        switch self {
        case .add(let clientID, let data):
            WBXMLElement(AirSyncTag.add, elements: [WBXMLElement(AirSyncTag.clientId, text: clientID), data])
        case .change(let serverID, let instanceID, let data):
            WBXMLElement(
                AirSyncTag.change,
                elements: [WBXMLElement(AirSyncTag.serverId, text: serverID)] + Self.instance(instanceID) + [data])
        case .delete(let serverID, let instanceID):
            WBXMLElement(
                AirSyncTag.delete,
                elements: [WBXMLElement(AirSyncTag.serverId, text: serverID)] + Self.instance(instanceID))
        case .fetch(let serverID):
            WBXMLElement(AirSyncTag.fetch, elements: [WBXMLElement(AirSyncTag.serverId, text: serverID)])
        }
    }

    private static func instance(_ instanceID: String?) -> [WBXMLElement] {
        instanceID.map { [WBXMLElement(AirSyncBaseTag.instanceId, text: $0)] } ?? []
    }
}
