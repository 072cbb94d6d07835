/// Running totals of a store's transactions since it opened, for `/metrics`: their count and
/// the time callers spent in them (waiting for the writer included), apart for reads and writes.
public struct StoreTransactionFigures: Hashable, Sendable {
    public var reads = 0
    public var readTime = Duration.zero
    public var writes = 0
    public var writeTime = Duration.zero

    public init() {}

    /// Adds one transaction that took `time`.
    public mutating func record(write: Bool, time: Duration) {
        if write {
            writes += 1
            writeTime += time
        } else {
            reads += 1
            readTime += time
        }
    }
}
