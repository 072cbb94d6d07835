public import WBXML

/// A Sync request (MS-ASCMD 2.2.1.21): per collection a sync key, what to send back, and
/// the device's own changes. An empty request (12.1+) carries no collections at all.
public struct SyncRequest: Hashable, Sendable {
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

    /// Parses a Sync body; nil when the root is not Sync or a collection lacks its key or id.
    public init?(_ root: WBXMLElement) {
        guard root.tag == SyncTag.sync else { return nil }
        var collections: [SyncCollectionRequest] = []
        for element in root.firstElement(SyncTag.collections)?.elements ?? [] where element.tag == SyncTag.collection {
            guard let collection = SyncCollectionRequest(element) else { return nil }
            collections.append(collection)
        }
        self.collections = collections
        wait = root.firstElement(SyncTag.wait)?.text.flatMap { Int($0) }
        heartbeatInterval = root.firstElement(SyncTag.heartbeatInterval)?.text.flatMap { Int($0) }
        windowSize = root.firstElement(SyncTag.windowSize)?.text.flatMap { Int($0) }
        isPartial = root.firstElement(SyncTag.partial) != nil
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
    /// The Options elements as sent (one per Class in 14.0+).
    public var options: [WBXMLElement]
    public var commands: [SyncClientCommand]

    /// A collection asked for by id and key alone, as an empty or partial request implies.
    public init(syncKey: String, collectionID: String) {
        self.syncKey = syncKey
        self.collectionID = collectionID
        options = []
        commands = []
    }

    init?(_ element: WBXMLElement) {
        guard let syncKey = element.firstElement(SyncTag.syncKey)?.text,
            let collectionID = element.firstElement(SyncTag.collectionID)?.text
        else { return nil }
        self.syncKey = syncKey
        self.collectionID = collectionID
        supported = element.firstElement(SyncTag.supported).map { Set($0.elements.map(\.tag.description)) }
        deletesAsMoves = element.firstElement(SyncTag.deletesAsMoves).map(Self.flag)
        getChanges = element.firstElement(SyncTag.getChanges).map(Self.flag)
        windowSize = element.firstElement(SyncTag.windowSize)?.text.flatMap { Int($0) }
        options = element.elements.filter { $0.tag == SyncTag.options }
        commands = []
        for command in element.firstElement(SyncTag.commands)?.elements ?? [] {
            guard let parsed = SyncClientCommand(command) else { return nil }
            commands.append(parsed)
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

    init?(_ element: WBXMLElement) {
        let serverID = element.firstElement(SyncTag.serverID)?.text
        let data = element.firstElement(SyncTag.applicationData)
        let instanceID = element.firstElement(SyncTag.instanceID)?.text
        switch element.tag {
        case SyncTag.add:
            guard let clientID = element.firstElement(SyncTag.clientID)?.text, let data else { return nil }
            self = .add(clientID: clientID, applicationData: data)
        case SyncTag.change:
            guard let serverID, let data else { return nil }
            self = .change(serverID: serverID, instanceID: instanceID, applicationData: data)
        case SyncTag.delete:
            guard let serverID else { return nil }
            self = .delete(serverID: serverID, instanceID: instanceID)
        case SyncTag.fetch:
            guard let serverID else { return nil }
            self = .fetch(serverID: serverID)
        default:
            return nil
        }
    }
}

/// Tags of the AirSync code page.
public enum SyncTag {
    public static let sync = tag("Sync")
    public static let responses = tag("Responses")
    public static let add = tag("Add")
    public static let change = tag("Change")
    public static let delete = tag("Delete")
    public static let fetch = tag("Fetch")
    public static let syncKey = tag("SyncKey")
    public static let clientID = tag("ClientId")
    public static let serverID = tag("ServerId")
    public static let status = tag("Status")
    public static let collection = tag("Collection")
    public static let `class` = tag("Class")
    public static let collectionID = tag("CollectionId")
    public static let getChanges = tag("GetChanges")
    public static let moreAvailable = tag("MoreAvailable")
    public static let windowSize = tag("WindowSize")
    public static let commands = tag("Commands")
    public static let options = tag("Options")
    public static let filterType = tag("FilterType")
    public static let conflict = tag("Conflict")
    public static let collections = tag("Collections")
    public static let applicationData = tag("ApplicationData")
    public static let deletesAsMoves = tag("DeletesAsMoves")
    public static let supported = tag("Supported")
    public static let softDelete = tag("SoftDelete")
    public static let mimeSupport = tag("MIMESupport")
    public static let mimeTruncation = tag("MIMETruncation")
    public static let wait = tag("Wait")
    public static let limit = tag("Limit")
    public static let partial = tag("Partial")
    public static let heartbeatInterval = tag("HeartbeatInterval")

    public static let instanceID = WBXMLTag("AirSyncBase", "InstanceId")

    static func tag(_ name: String) -> WBXMLTag { WBXMLTag("AirSync", name) }
}
