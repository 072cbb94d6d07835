public import Foundation

/// A note (MS-ASNOTE 2.2.2): a subject, a plain-text body, categories, its message class
/// and when it was last modified. Notes sync from protocol 14.0 on.
public struct NoteItem: Hashable, Sendable, Codable {
    public var subject: String?
    public var body: String?
    public var categories: [String]
    /// `IPM.StickyNote` unless the device said otherwise (MS-ASNOTE 2.2.2.5).
    public var messageClass: String
    public var lastModified: Date?

    public static let defaultMessageClass = "IPM.StickyNote"

    public init(
        subject: String? = nil, body: String? = nil, categories: [String] = [],
        messageClass: String = defaultMessageClass,
        lastModified: Date? = nil
    ) {
        self.subject = subject
        self.body = body
        self.categories = categories
        self.messageClass = messageClass
        self.lastModified = lastModified
    }
}
