/// A device's Sync Add as it sent it. The store remembers which item each one created, so
/// that the same Add resent under the same sync key (after a lost response) names the item
/// already added instead of adding it twice (DESIGN.md, sync).
public struct ClientAdd: Hashable, Sendable {
    public let deviceID: Device.ID
    /// The collection's server id.
    public let collection: String
    /// The sync key the Add was sent with.
    public let syncKey: Int
    public let clientID: String

    public init(deviceID: Device.ID, collection: String, syncKey: Int, clientID: String) {
        self.deviceID = deviceID
        self.collection = collection
        self.syncKey = syncKey
        self.clientID = clientID
    }
}

/// What `addItem(_:to:from:)` did.
public enum ClientAddOutcome: Hashable, Sendable {
    case added(Item)
    /// The Add was seen before under the same key; this is the server id it got then.
    case replayed(serverID: String)
}
