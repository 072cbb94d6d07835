/// FolderHierarchy Status values shared by FolderSync, FolderCreate, FolderUpdate and FolderDelete
/// (MS-ASCMD 2.2.3.177.2–6).
public struct FolderStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let success = FolderStatus(rawValue: 1)
    /// A folder of that name exists under the parent.
    public static let alreadyExists = FolderStatus(rawValue: 2)
    /// A default folder, which cannot be changed or deleted.
    public static let specialFolder = FolderStatus(rawValue: 3)
    public static let notFound = FolderStatus(rawValue: 4)
    public static let parentNotFound = FolderStatus(rawValue: 5)
    public static let serverError = FolderStatus(rawValue: 6)
    /// The hierarchy sync key is not one the server gave: FolderSync from 0.
    public static let invalidSyncKey = FolderStatus(rawValue: 9)
    /// The request is not one the command takes.
    public static let malformed = FolderStatus(rawValue: 10)
    public static let unknownError = FolderStatus(rawValue: 11)
}
