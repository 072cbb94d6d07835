/// A per-user modification sequence: every committed change to a user's folders or items
/// takes the next value, so "what changed since N" is an index range (DESIGN.md, data model).
public struct ModSeq: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// Before any change: "since zero" is everything.
    public static let zero = ModSeq(rawValue: 0)

    public var next: ModSeq { ModSeq(rawValue: rawValue + 1) }

    public static func < (lhs: ModSeq, rhs: ModSeq) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}
