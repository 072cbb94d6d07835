import Synchronization

/// Bounds the request bytes all connections together hold in memory while they read and
/// answer requests. Bodies are read whole before a request is routed, and before its
/// credentials are checked, so without a bound many connections could each fill
/// `maxRequestBytes`; past the budget a connection is refused with 503 and closed.
final class RequestBodyBudget: Sendable {
    private let limit: Int
    private let used = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes `bytes` from the budget, or nothing and false when they do not fit.
    func reserve(_ bytes: Int) -> Bool {
        var current = used.load(ordering: .relaxed)
        while current + bytes <= limit {
            let (exchanged, original) = used.compareExchange(
                expected: current, desired: current + bytes, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    /// The bytes held now.
    var reserved: Int { used.load(ordering: .relaxed) }

    func release(_ bytes: Int) {
        used.subtract(bytes, ordering: .relaxed)
    }
}
