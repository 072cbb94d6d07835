public import Foundation

/// What a device knows of one collection under one sync key, as TernSync encodes it; the
/// store keeps it opaque.
public struct SyncStateRecord: Hashable, Sendable {
    /// The number in the sync key the device was given for this state.
    public var key: Int
    public var state: Data

    public init(key: Int, state: Data) {
        self.key = key
        self.state = state
    }
}

/// A device's current state of one collection and the one before it, so that a client that
/// lost a response and resends with the previous key can be answered again (DESIGN.md, sync).
public struct SyncStates: Hashable, Sendable {
    public var current: SyncStateRecord
    public var previous: SyncStateRecord?

    public init(current: SyncStateRecord, previous: SyncStateRecord? = nil) {
        self.current = current
        self.previous = previous
    }

    /// The record a client's key names, current or previous.
    public func record(forKey key: Int) -> SyncStateRecord? {
        if current.key == key { return current }
        if let previous, previous.key == key { return previous }
        return nil
    }

    /// These states after the device was given `next`: the current one becomes the previous.
    public func advanced(to next: SyncStateRecord) -> SyncStates {
        SyncStates(current: next, previous: current)
    }
}
