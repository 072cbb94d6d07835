public import WBXML

/// A Sync response: a top-level Status when the whole request failed, else one entry per
/// collection (MS-ASCMD 2.2.1.21).
public struct SyncResponse: Hashable, Sendable {
    public var status: SyncStatus?
    /// With Status 14, the nearest allowed Wait or HeartbeatInterval (MS-ASCMD 2.2.3.97).
    public var limit: Int?
    public var collections: [SyncCollectionResponse]

    public init(status: SyncStatus? = nil, limit: Int? = nil, collections: [SyncCollectionResponse] = []) {
        self.status = status
        self.limit = limit
        self.collections = collections
    }

    /// Whether the response would tell the device nothing new: every collection succeeded
    /// under the key the request sent, with no command, reply or MoreAvailable. A Sync with
    /// Wait is held instead of sending it (MS-ASCMD 3.1.5.4).
    public func isQuiet(answering request: SyncRequest) -> Bool {
        let sentKeys = Dictionary(
            request.collections.map { ($0.collectionID, $0.syncKey) }, uniquingKeysWith: { first, _ in first })
        return status == nil
            && collections.allSatisfy { collection in
                collection.status == SyncStatus.success && !collection.moreAvailable && collection.commands.isEmpty
                    && collection.replies.isEmpty
                    && sentKeys[collection.collectionID].map { $0 == collection.syncKey } ?? true
            }
    }

    /// `<Sync><Status>14</Status><Limit>59</Limit></Sync>` or `<Sync><Collections>…</Collections></Sync>`.
    public var element: WBXMLElement {
        var children: [WBXMLElement] = []
        if let status { children.append(WBXMLElement(AirSyncTag.status, text: status.text)) }
        if let limit { children.append(WBXMLElement(AirSyncTag.limit, text: String(limit))) }
        if !collections.isEmpty {
            children.append(WBXMLElement(AirSyncTag.collections, elements: collections.map(\.element)))
        }
        return WBXMLElement(AirSyncTag.sync, elements: children)
    }
}

/// One collection of a Sync response, children in the order MS-ASCMD 2.2.3.29.2 lists them:
/// SyncKey, CollectionId, Status, MoreAvailable, Commands, Responses.
public struct SyncCollectionResponse: Hashable, Sendable {
    /// A server change sent to the device.
    public enum Command: Hashable, Sendable {
        case add(serverID: String, applicationData: WBXMLElement)
        case change(serverID: String, applicationData: WBXMLElement)
        case delete(serverID: String)
        case softDelete(serverID: String)
    }

    /// The outcome of one of the device's own commands.
    public enum Reply: Hashable, Sendable {
        case add(clientID: String, serverID: String?, status: SyncStatus)
        case change(serverID: String, status: SyncStatus)
        case delete(serverID: String, status: SyncStatus)
        case fetch(serverID: String, status: SyncStatus, applicationData: WBXMLElement?)
    }

    public var syncKey: String?
    public var collectionID: String
    public var status: SyncStatus
    public var moreAvailable: Bool
    public var commands: [Command]
    public var replies: [Reply]

    public init(
        syncKey: String?, collectionID: String, status: SyncStatus, moreAvailable: Bool = false,
        commands: [Command] = [],
        replies: [Reply] = []
    ) {
        self.syncKey = syncKey
        self.collectionID = collectionID
        self.status = status
        self.moreAvailable = moreAvailable
        self.commands = commands
        self.replies = replies
    }

    public var element: WBXMLElement {
        var children: [WBXMLElement] = []
        if let syncKey { children.append(WBXMLElement(AirSyncTag.syncKey, text: syncKey)) }
        children.append(WBXMLElement(AirSyncTag.collectionId, text: collectionID))
        children.append(WBXMLElement(AirSyncTag.status, text: status.text))
        if moreAvailable { children.append(WBXMLElement(AirSyncTag.moreAvailable)) }
        if !commands.isEmpty {
            children.append(WBXMLElement(AirSyncTag.commands, elements: commands.map(Self.element)))
        }
        if !replies.isEmpty { children.append(WBXMLElement(AirSyncTag.responses, elements: replies.map(Self.element))) }
        return WBXMLElement(AirSyncTag.collection, elements: children)
    }

    private static func element(_ command: Command) -> WBXMLElement {
        switch command {
        case .add(let serverID, let data): WBXMLElement(AirSyncTag.add, elements: [serverIDElement(serverID), data])
        case .change(let serverID, let data):
            WBXMLElement(AirSyncTag.change, elements: [serverIDElement(serverID), data])
        case .delete(let serverID): WBXMLElement(AirSyncTag.delete, elements: [serverIDElement(serverID)])
        case .softDelete(let serverID): WBXMLElement(AirSyncTag.softDelete, elements: [serverIDElement(serverID)])
        }
    }

    private static func element(_ reply: Reply) -> WBXMLElement {
        switch reply {
        case .add(let clientID, let serverID, let status):
            var children = [WBXMLElement(AirSyncTag.clientId, text: clientID)]
            if let serverID { children.append(serverIDElement(serverID)) }
            children.append(statusElement(status))
            return WBXMLElement(AirSyncTag.add, elements: children)
        case .change(let serverID, let status):
            return WBXMLElement(AirSyncTag.change, elements: [serverIDElement(serverID), statusElement(status)])
        case .delete(let serverID, let status):
            return WBXMLElement(AirSyncTag.delete, elements: [serverIDElement(serverID), statusElement(status)])
        case .fetch(let serverID, let status, let data):
            return WBXMLElement(
                AirSyncTag.fetch,
                elements: [serverIDElement(serverID), statusElement(status)] + (data.map { [$0] } ?? []))
        }
    }

    private static func serverIDElement(_ serverID: String) -> WBXMLElement {
        WBXMLElement(AirSyncTag.serverId, text: serverID)
    }
    private static func statusElement(_ status: SyncStatus) -> WBXMLElement {
        WBXMLElement(AirSyncTag.status, text: status.text)
    }
}

/// Sync Status values (MS-ASCMD 2.2.3.177.17).
public struct SyncStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let success = SyncStatus(rawValue: 1)
    public static let invalidSyncKey = SyncStatus(rawValue: 3)
    public static let protocolError = SyncStatus(rawValue: 4)
    public static let serverError = SyncStatus(rawValue: 5)
    public static let conversionError = SyncStatus(rawValue: 6)
    public static let conflict = SyncStatus(rawValue: 7)
    public static let objectNotFound = SyncStatus(rawValue: 8)
    public static let hierarchyChanged = SyncStatus(rawValue: 12)
    public static let incompleteRequest = SyncStatus(rawValue: 13)
    public static let invalidWaitOrHeartbeat = SyncStatus(rawValue: 14)
    public static let tooManyCollections = SyncStatus(rawValue: 15)
}
