public import WBXML

/// A Sync request (MS-ASCMD 2.2.1.21): per collection a sync key, what to send back, and
/// the device's own changes. An empty request (12.1+) carries no collections at all.
public struct SyncRequest: DecodableRequest, Hashable {
    public static let rootTag = AirSyncTag.sync
    public static let malformedStatus = SyncStatus.protocolError

    public var collections: [SyncCollectionRequest]
    /// Minutes (Wait) or seconds (HeartbeatInterval) to hold the request when nothing changed.
    public var wait: Int?
    public var heartbeatInterval: Int?
    /// The overall window over all collections (12.1+ allows it on Sync itself).
    public var windowSize: Int?
    /// The request lists only some collections; the others come from the cached request.
    public var isPartial: Bool

    public init(collections: [SyncCollectionRequest], windowSize: Int? = nil, isPartial: Bool = false) {
        self.collections = collections
        self.windowSize = windowSize
        self.isPartial = isPartial
    }

    /// Parses a Sync body. Status 4 when the root is not Sync, a collection lacks its key or
    /// id, a command is not one of the four or lacks what it needs, or the commands together go
    /// past `RequestLimits.syncCommands` (MS-ASCMD 3.1.5.10).
    public init(_ root: WBXMLElement) throws(RequestDecodingError<SyncStatus>) {
        try Self.requireRoot(root)
        var collections: [SyncCollectionRequest] = []
        for element in root.firstElement(AirSyncTag.collections)?.elements ?? []
        where element.tag == AirSyncTag.collection {
            collections.append(try SyncCollectionRequest(element))
        }
        let commandCount = collections.reduce(0) { $0 + $1.commands.count }
        guard commandCount <= RequestLimits.syncCommands else {
            throw Self.malformed("\(commandCount) commands, over the limit of \(RequestLimits.syncCommands)")
        }
        self.collections = collections
        wait = root.firstElement(AirSyncTag.wait)?.text.flatMap { Int($0) }
        heartbeatInterval = root.firstElement(AirSyncTag.heartbeatInterval)?.text.flatMap { Int($0) }
        windowSize = root.firstElement(AirSyncTag.windowSize)?.text.flatMap { Int($0) }
        isPartial = root.firstElement(AirSyncTag.partial) != nil
    }
}

/// One collection of a Sync request (MS-ASCMD 2.2.3.29.2).
public struct SyncCollectionRequest: Hashable, Sendable {
    public var syncKey: String
    public var collectionID: String
    /// The ghosted-property list (Supported), as `Namespace:Element` names; nil when absent.
    public var supported: Set<String>?
    public var deletesAsMoves: Bool?
    public var getChanges: Bool?
    public var windowSize: Int?
    /// The Options as sent (one per Class in 14.0+).
    public var options: [SyncOptions]
    public var commands: [SyncClientCommand]

    /// A collection asked for by id and key alone, as an empty or partial request implies.
    public init(syncKey: String, collectionID: String) {
        self.syncKey = syncKey
        self.collectionID = collectionID
        options = []
        commands = []
    }

    init(_ element: WBXMLElement) throws(RequestDecodingError<SyncStatus>) {
        guard let syncKey = element.firstElement(AirSyncTag.syncKey)?.text,
            let collectionID = element.firstElement(AirSyncTag.collectionId)?.text
        else { throw SyncRequest.malformed("a Collection without SyncKey or CollectionId") }
        self.syncKey = syncKey
        self.collectionID = collectionID
        supported = element.firstElement(AirSyncTag.supported).map { Set($0.elements.map(\.tag.description)) }
        deletesAsMoves = element.firstElement(AirSyncTag.deletesAsMoves).map(Self.flag)
        getChanges = element.firstElement(AirSyncTag.getChanges).map(Self.flag)
        windowSize = element.firstElement(AirSyncTag.windowSize)?.text.flatMap { Int($0) }
        options = element.elements.filter { $0.tag == AirSyncTag.options }.map(SyncOptions.init)
        commands = []
        for command in element.firstElement(AirSyncTag.commands)?.elements ?? [] {
            commands.append(try SyncClientCommand(command))
        }
    }

    /// Whether this collection asked for nothing but its changes (an empty `<Collection>` of a partial request).
    public var hasOnlyIdentity: Bool {
        supported == nil && deletesAsMoves == nil && getChanges == nil && windowSize == nil && options.isEmpty
            && commands.isEmpty
    }

    /// `<GetChanges/>` and `<GetChanges>1</GetChanges>` are true, `0` is false.
    private static func flag(_ element: WBXMLElement) -> Bool { (element.text ?? "1") != "0" }
}

/// A device's change in a Sync request (MS-ASCMD 2.2.3.32 Commands).
public enum SyncClientCommand: Hashable, Sendable {
    case add(clientID: String, applicationData: WBXMLElement)
    /// `instanceID` (16.0+, AirSyncBase InstanceId) names one occurrence of a recurring event.
    case change(serverID: String, instanceID: String? = nil, applicationData: WBXMLElement)
    case delete(serverID: String, instanceID: String? = nil)
    case fetch(serverID: String)

    init(_ element: WBXMLElement) throws(RequestDecodingError<SyncStatus>) {
        let serverID = element.firstElement(AirSyncTag.serverId)?.text
        let data = element.firstElement(AirSyncTag.applicationData)
        let instanceID = element.firstElement(AirSyncBaseTag.instanceId)?.text
        switch element.tag {
        case AirSyncTag.add:
            guard let clientID = element.firstElement(AirSyncTag.clientId)?.text, let data else {
                throw SyncRequest.malformed("an Add without ClientId or ApplicationData")
            }
            self = .add(clientID: clientID, applicationData: data)
        case AirSyncTag.change:
            guard let serverID, let data else {
                throw SyncRequest.malformed("a Change without ServerId or ApplicationData")
            }
            self = .change(serverID: serverID, instanceID: instanceID, applicationData: data)
        case AirSyncTag.delete:
            guard let serverID else { throw SyncRequest.malformed("a Delete without ServerId") }
            self = .delete(serverID: serverID, instanceID: instanceID)
        case AirSyncTag.fetch:
            guard let serverID else { throw SyncRequest.malformed("a Fetch without ServerId") }
            self = .fetch(serverID: serverID)
        default:
            throw SyncRequest.malformed("\(element.tag) in Commands")
        }
    }
}
