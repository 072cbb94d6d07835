import TernStore

/// An item left out of one device's responses (`CollectionState.withheld`): the version
/// withheld, and why. Once it is sent and taken, changed, or gone, it is forgotten.
struct WithheldItem: Hashable, Codable {
    enum Reason: String, Codable {
        /// Its ApplicationData could not be encoded (text WBXML cannot carry, in a row stored
        /// before ingress checked it); tried again on every Sync and whenever it changes.
        case unencodable
        /// The device kept resending its sync key while this item was all its window held:
        /// it cannot take it. Tried again after the device took a later response, up to
        /// `maxRefusals` times in all (a loss in another collection may have isolated it),
        /// and whenever it changes.
        case refusedByDevice
    }

    /// Refusals after which an item is not tried again until it changes.
    static let maxRefusals = 3

    var modSeq: ModSeq
    var reason: Reason
    /// How often the device refused it (`refusedByDevice`); nil is once.
    var refusals: Int?
    /// Sent again in the response the device was last given; nil when not.
    var isRetried: Bool?

    init(modSeq: ModSeq, reason: Reason, refusals: Int? = nil) {
        self.modSeq = modSeq
        self.reason = reason
        self.refusals = refusals
    }

    /// Whether a Sync that is not a resend may send it again.
    var isDueForRetry: Bool {
        switch reason {
        case .unencodable: true
        case .refusedByDevice: isRetried != true && (refusals ?? 1) < Self.maxRefusals
        }
    }
}
