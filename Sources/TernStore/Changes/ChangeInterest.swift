/// Which users' changes a subscriber to every user's changes needs.
///
/// A store shared by several nodes reads a committed change from the database only when a
/// subscriber on this node wants it; the others pass unread, so a node's reads grow with
/// what it holds, not with every write of the cluster. A subscriber that starts wanting a
/// user must read the store itself after it says so (a held Ping arms, then checks), since
/// a change that committed just before was passed over.
public struct ChangeInterest: Sendable {
    /// Whether the changes of a user are wanted now.
    public let wants: @Sendable (User.ID) -> Bool
    /// Every user wanted now (nil: every user), for a feed that compares them with the database.
    public let users: @Sendable () -> Set<User.ID>?

    public init(wants: @escaping @Sendable (User.ID) -> Bool, users: @escaping @Sendable () -> Set<User.ID>?) {
        self.wants = wants
        self.users = users
    }

    /// Every user's changes.
    public static let everyone = ChangeInterest(wants: { _ in true }, users: { nil })
}
