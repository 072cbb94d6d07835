/// GetItemEstimate Status values (MS-ASCMD 2.2.3.177.7).
public struct GetItemEstimateStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let success = GetItemEstimateStatus(rawValue: 1)
    /// An unknown collection, or a body that is not a GetItemEstimate.
    public static let invalidCollection = GetItemEstimateStatus(rawValue: 2)
    /// The collection was never synced (sync key 0).
    public static let notPrimed = GetItemEstimateStatus(rawValue: 3)
    public static let invalidSyncKey = GetItemEstimateStatus(rawValue: 4)
}
