public import TernStore

/// Why a held Ping or Sync ended: what the push registry resumes its waiter with.
public enum PushWake: Hashable, Sendable {
    /// Items changed in these watched folders.
    case changed(Set<Folder.ID>)
    /// The user's folders were added, renamed, moved or deleted (Ping Status 7).
    case hierarchyChanged
    /// The device's wipe, block or provisioning state or the user's policy changed: the
    /// policy gate decides the answer again.
    case deviceChanged
    /// The heartbeat interval passed with no change.
    case expired
    /// A newer Ping or Sync of the same device took its place.
    case superseded
    /// The server is shutting down.
    case shutDown
    /// The request went away (its connection closed) before it was woken.
    case cancelled

    /// Whether something changed for the device (a push), rather than the hold just ending.
    public var isPush: Bool {
        switch self {
        case .changed, .hierarchyChanged, .deviceChanged: true
        case .expired, .superseded, .shutDown, .cancelled: false
        }
    }
}

/// Why the registry would not hold a request.
public enum PushRefusal: Error, Hashable, Sendable {
    /// `maxHeldPerUser` or `maxHeldTotal` requests are held already.
    case overCapacity
    case shuttingDown
}
