public import WBXML

extension SyncResponse {
    /// Reads a server's Sync response (MS-ASCMD 2.2.1.21.3) as a device does; nil when the root
    /// is not Sync or a collection is malformed (no CollectionId or Status, a command without
    /// its ServerId or ApplicationData).
    ///
    /// ```xml
    /// <Sync><Collections><Collection><SyncKey>2</SyncKey><CollectionId>5</CollectionId>
    ///   <Status>1</Status><MoreAvailable/><Commands><Add><ServerId>5:1</ServerId>
    ///   <ApplicationData>…</ApplicationData></Add></Commands></Collection></Collections></Sync>
    /// ```
    public init?(_ root: WBXMLElement) {
        guard root.tag == AirSyncTag.sync else { return nil }
        var collections: [SyncCollectionResponse] = []
        for element in root.firstElement(AirSyncTag.collections)?.elements ?? []
        where element.tag == AirSyncTag.collection {
            guard let collection = SyncCollectionResponse(element) else { return nil }
            collections.append(collection)
        }
        self.init(status: SyncStatus(text: root.firstElement(AirSyncTag.status)?.text), collections: collections)
    }
}

extension SyncCollectionResponse {
    init?(_ element: WBXMLElement) {
        guard let collectionID = element.firstElement(AirSyncTag.collectionId)?.text,
            let status = Self.status(of: element)
        else { return nil }
        var commands: [Command] = []
        for command in element.firstElement(AirSyncTag.commands)?.elements ?? [] {
            guard let parsed = Command(command) else { return nil }
            commands.append(parsed)
        }
        var replies: [Reply] = []
        for reply in element.firstElement(AirSyncTag.responses)?.elements ?? [] {
            guard let parsed = Reply(reply) else { return nil }
            replies.append(parsed)
        }
        self.init(
            syncKey: element.firstElement(AirSyncTag.syncKey)?.text, collectionID: collectionID, status: status,
            moreAvailable: element.firstElement(AirSyncTag.moreAvailable) != nil, commands: commands, replies: replies)
    }

    fileprivate static func status(of element: WBXMLElement) -> SyncStatus? {
        SyncStatus(text: element.firstElement(AirSyncTag.status)?.text)
    }
}

extension SyncCollectionResponse.Command {
    fileprivate init?(_ element: WBXMLElement) {
        guard let serverID = element.firstElement(AirSyncTag.serverId)?.text else { return nil }
        let data = element.firstElement(AirSyncTag.applicationData)
        switch element.tag {
        case AirSyncTag.add:
            guard let data else { return nil }
            self = .add(serverID: serverID, applicationData: data)
        case AirSyncTag.change:
            guard let data else { return nil }
            self = .change(serverID: serverID, applicationData: data)
        case AirSyncTag.delete:
            self = .delete(serverID: serverID)
        case AirSyncTag.softDelete:
            self = .softDelete(serverID: serverID)
        default:
            return nil
        }
    }
}

extension SyncCollectionResponse.Reply {
    fileprivate init?(_ element: WBXMLElement) {
        guard let status = SyncCollectionResponse.status(of: element) else { return nil }
        let serverID = element.firstElement(AirSyncTag.serverId)?.text
        switch element.tag {
        case AirSyncTag.add:
            guard let clientID = element.firstElement(AirSyncTag.clientId)?.text else { return nil }
            self = .add(clientID: clientID, serverID: serverID, status: status)
        case AirSyncTag.change:
            guard let serverID else { return nil }
            self = .change(serverID: serverID, status: status)
        case AirSyncTag.delete:
            guard let serverID else { return nil }
            self = .delete(serverID: serverID, status: status)
        case AirSyncTag.fetch:
            guard let serverID else { return nil }
            self = .fetch(
                serverID: serverID, status: status, applicationData: element.firstElement(AirSyncTag.applicationData))
        default:
            return nil
        }
    }
}
