/// Search Status values (MS-ASCMD 2.2.3.177.13). The Search element's own Status is only
/// ever 1 or 3; the others are the Store's, which tell what went wrong with a query.
public struct SearchStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let success = SearchStatus(rawValue: 1)
    /// A search parameter the server cannot take: an unknown store, a bad Range or date, an
    /// email property in the query, a query longer than the limit.
    public static let invalidRequest = SearchStatus(rawValue: 2)
    public static let serverError = SearchStatus(rawValue: 3)
    /// Or, EqualTo, a second And, or an element of And outside it (SearchTooComplex).
    public static let tooComplex = SearchStatus(rawValue: 8)
    /// A CollectionId the server does not know: the device's hierarchy is out of date.
    public static let folderSyncRequired = SearchStatus(rawValue: 11)
    /// The Range starts past the last result.
    public static let endOfRetrievableRange = SearchStatus(rawValue: 12)
}

/// Picture Status values of GAL and ResolveRecipients results (MS-ASCMD 2.2.3.177.13, .12).
public enum PictureStatus {
    public static let found = 1
    public static let noPhoto = 173
    public static let tooLarge = 174
    public static let overMaxPictures = 175
}
