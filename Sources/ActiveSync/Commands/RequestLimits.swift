/// The request sizes MS-ASCMD 3.1.5.10 has servers enforce, at its default values, and the
/// status each command answers when a request goes past its limit.
public enum RequestLimits {
    /// Add, Change, Delete and Fetch in one Sync, over all its collections: past it, Sync Status 4.
    public static let syncCommands = 200
    /// Collections in one GetItemEstimate: past it, Status 103 (`CommonStatus.invalidXML`).
    public static let estimateCollections = 1_000
    /// Fetch, EmptyFolderContents and Move in one ItemOperations: past it, Status 11
    /// (`ItemOperationsStatus.dataTooLarge`).
    public static let itemOperations = 100
    /// Moves in one MoveItems: past it, Status 103.
    public static let moves = 1_000
    /// Requests in one MeetingResponse: past it, Status 103. The specification names no
    /// number; this is ItemOperations' 100, more than a device sends at once.
    public static let meetingResponses = 100
    /// Characters of a Search or Find query's text: past it, the Store's Status 2.
    public static let searchTextCharacters = 256
    /// Words of a mailbox query's FreeText: past it, the Store's Status 8 (too complex).
    public static let searchWords = 16
    /// To elements in one ResolveRecipients (MS-ASCMD 2.2.3.180.2): past it, Status 5.
    public static let recipientsToResolve = 100
}
