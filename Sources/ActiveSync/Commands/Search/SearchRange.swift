/// A zero-based, inclusive range of results, `m-n` (MS-ASCMD 2.2.3.142.3): `0-9` is the
/// first ten.
public struct SearchRange: Hashable, Sendable, CustomStringConvertible {
    public let first: Int
    public let last: Int

    /// How many results one Search returns at most (the Mailbox and GAL maximum, 2.2.3.142.3).
    public static let maxCount = 100
    /// The range of a Search without one: `0-99`.
    public static let `default` = SearchRange(first: 0, last: maxCount - 1)

    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    /// `m-n` with m ≤ n, each of at most three digits as the schema allows; a wider range is
    /// cut to `maxCount` results from m. nil for anything else.
    public init?(_ text: String) {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2,
            bounds.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy { ("0"..."9").contains($0) } }),
            let first = Int(bounds[0]), let last = Int(bounds[1]), first <= last
        else { return nil }
        self.init(first: first, last: min(last, first + Self.maxCount - 1))
    }

    public var count: Int { last - first + 1 }

    /// The range of the `returned` results starting at `first`, as the response gives it.
    public func returned(_ returned: Int) -> SearchRange {
        SearchRange(first: first, last: first + returned - 1)
    }

    public var description: String { "\(first)-\(last)" }
}
