public import Foundation

/// A search of a user's mail: every word of `words` (as a prefix, case and accents folded)
/// in the subject, sender, recipients or body text, within `folderIDs`, optionally received
/// in a time window or in one conversation. Results come newest delivered first; `offset` and `limit`
/// choose a page of them.
public struct MailSearchQuery: Hashable, Sendable {
    public var words: [String]
    /// The folders to search; never empty (the caller names the user's folders, so a search
    /// cannot reach another user's mail).
    public var folderIDs: [Folder.ID]
    /// Received strictly after this date (EAS GreaterThan DateReceived).
    public var receivedAfter: Date?
    /// Received strictly before this date (EAS LessThan DateReceived).
    public var receivedBefore: Date?
    /// The 16-byte Email2 ConversationId the results belong to.
    public var conversationID: Data?
    public var offset: Int
    public var limit: Int

    public init(
        words: [String], folderIDs: [Folder.ID], receivedAfter: Date? = nil, receivedBefore: Date? = nil,
        conversationID: Data? = nil, offset: Int = 0, limit: Int = 100
    ) {
        self.words = words
        self.folderIDs = folderIDs
        self.receivedAfter = receivedAfter
        self.receivedBefore = receivedBefore
        self.conversationID = conversationID
        self.offset = offset
        self.limit = limit
    }

    /// The words of a user's search text: runs of letters and digits, everything else (FTS
    /// syntax, quotes, punctuation) a separator, so no input is ever read as query syntax.
    public static func words(in text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

/// A page of search results and how many matched in all.
public struct MailSearchResult: Hashable, Sendable {
    public var items: [Item]
    public var total: Int

    public init(items: [Item], total: Int) {
        self.items = items
        self.total = total
    }
}
