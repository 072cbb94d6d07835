/// The EAS class of an item or folder (`Email`, `Calendar`, `Contacts`, `Tasks`, `Notes`),
/// as a Ping or Sync names it (MS-ASCMD 2.2.3.27).
public struct ItemClass: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let email = ItemClass(rawValue: "Email")
    public static let calendar = ItemClass(rawValue: "Calendar")
    public static let contacts = ItemClass(rawValue: "Contacts")
    public static let tasks = ItemClass(rawValue: "Tasks")
    public static let notes = ItemClass(rawValue: "Notes")
    /// Journal folders exist in the default set but EAS syncs no class for them.
    public static let journal = ItemClass(rawValue: "Journal")

    public var description: String { rawValue }
}
