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
        guard root.tag == SyncTag.sync else { return nil }
        var collections: [SyncCollectionResponse] = []
        for element in root.firstElement(SyncTag.collections)?.elements ?? [] where element.tag == SyncTag.collection {
            guard let collection = SyncCollectionResponse(element) else { return nil }
            collections.append(collection)
        }
        self.init(status: root.firstElement(SyncTag.status)?.text.flatMap { Int($0) }, collections: collections)
    }
}

extension SyncCollectionResponse {
    init?(_ element: WBXMLElement) {
        guard let collectionID = element.firstElement(SyncTag.collectionID)?.text,
            let status = Self.status(of: element)
        else { return nil }
        var commands: [Command] = []
        for command in element.firstElement(SyncTag.commands)?.elements ?? [] {
            guard let parsed = Command(command) else { return nil }
            commands.append(parsed)
        }
        var replies: [Reply] = []
        for reply in element.firstElement(SyncTag.responses)?.elements ?? [] {
            guard let parsed = Reply(reply) else { return nil }
            replies.append(parsed)
        }
        self.init(
            syncKey: element.firstElement(SyncTag.syncKey)?.text, collectionID: collectionID, status: status,
            moreAvailable: element.firstElement(SyncTag.moreAvailable) != nil, commands: commands, replies: replies)
    }

    fileprivate static func status(of element: WBXMLElement) -> Int? {
        element.firstElement(SyncTag.status)?.text.flatMap { Int($0) }
    }
}

extension SyncCollectionResponse.Command {
    fileprivate init?(_ element: WBXMLElement) {
        guard let serverID = element.firstElement(SyncTag.serverID)?.text else { return nil }
        let data = element.firstElement(SyncTag.applicationData)
        switch element.tag {
        case SyncTag.add:
            guard let data else { return nil }
            self = .add(serverID: serverID, applicationData: data)
        case SyncTag.change:
            guard let data else { return nil }
            self = .change(serverID: serverID, applicationData: data)
        case SyncTag.delete:
            self = .delete(serverID: serverID)
        case SyncTag.softDelete:
            self = .softDelete(serverID: serverID)
        default:
            return nil
        }
    }
}

extension SyncCollectionResponse.Reply {
    fileprivate init?(_ element: WBXMLElement) {
        guard let status = SyncCollectionResponse.status(of: element) else { return nil }
        let serverID = element.firstElement(SyncTag.serverID)?.text
        switch element.tag {
        case SyncTag.add:
            guard let clientID = element.firstElement(SyncTag.clientID)?.text else { return nil }
            self = .add(clientID: clientID, serverID: serverID, status: status)
        case SyncTag.change:
            guard let serverID else { return nil }
            self = .change(serverID: serverID, status: status)
        case SyncTag.delete:
            guard let serverID else { return nil }
            self = .delete(serverID: serverID, status: status)
        case SyncTag.fetch:
            guard let serverID else { return nil }
            self = .fetch(
                serverID: serverID, status: status, applicationData: element.firstElement(SyncTag.applicationData))
        default:
            return nil
        }
    }
}
