import Foundation
import TernStore

/// What a device holds of one folder under one sync key (DESIGN.md, sync): the modseq it has
/// reached, the server ids it holds, the items it wrote itself (not to be echoed back), and
/// the collection parameters it last sent, which later requests may leave out (12.1+).
struct CollectionState: Hashable, StoredSyncState {
    var modSeq: ModSeq
    var held: HeldItems
    /// Items whose current version is this device's own write, by the modseq of that write.
    var ownWrites: [String: ModSeq]
    var parameters: CollectionParameters
    /// Set when the filter changed or its window moved on: the folder is walked again from
    /// the start, and an item held at or below this modseq is already current on the device.
    var rescanBelow: ModSeq?
    /// When the folder was last walked for items that aged out of a date filter.
    var agedAt: Date?
    /// Items left out of this device's responses, by server id; nil when there are none (and
    /// in states saved before this existed).
    var withheld: [String: WithheldItem]?
    /// How many times in a row the device resent its previous key (responses it did not
    /// take); see `CollectionSync.narrowedWindow`. nil when it took the last one.
    var replays: Int?
}

/// The cached collection parameters of MS-ASCMD 2.2.3.29.2: the Options as sent (XML form),
/// the window, DeletesAsMoves and the Supported list.
struct CollectionParameters: Hashable, Codable {
    var optionsXML: [String]
    var windowSize: Int?
    var deletesAsMoves: Bool?
    var supported: Set<String>?
}

/// The device's last full Sync request, for the empty and partial requests of 12.1+.
struct CachedSyncRequest: Hashable, StoredSyncState {
    var collectionIDs: [String]
    var windowSize: Int?
    /// How long the request asked to be held (Wait in seconds, or HeartbeatInterval), so an
    /// empty request is held as long (MS-ASCMD 2.2.1.21.1: it is the cached request again).
    var heartbeatSeconds: Int?

    /// The store's collection name for it: no folder server id starts with `#`.
    static let collection = "#sync"
}
