import TernStore

/// An item left out of one device's responses (`CollectionState.withheld`): the version
/// withheld, and why. Once it is sent, or gone, it is forgotten.
struct WithheldItem: Hashable, Codable {
    enum Reason: String, Codable {
        /// Its ApplicationData could not be encoded (text WBXML cannot carry, in a row stored
        /// before ingress checked it); tried again on every Sync and whenever it changes.
        case unencodable
        /// The device kept resending its sync key while this item was all its window held:
        /// it cannot take it. Sent again once the item changes.
        case refusedByDevice
    }

    var modSeq: ModSeq
    var reason: Reason
}
