public import Foundation

/// An email (MS-ASEMAIL): the RFC 5322 message kept byte-exact, and its properties.
public struct EmailItem: Hashable, Sendable {
    /// The message as delivered, never modified.
    public var raw: Data
    public var properties: EmailProperties

    public init(raw: Data, properties: EmailProperties) {
        self.raw = raw
        self.properties = properties
    }
}

/// What Sync sends of an email without parsing the message again, and the per-user state a
/// device changes (read, flag, categories). Stored apart from the message bytes.
public struct EmailProperties: Hashable, Sendable, Codable {
    public var from: String?
    public var to: String?
    public var cc: String?
    public var replyTo: String?
    public var subject: String?
    public var dateReceived: Date
    /// 0 low, 1 normal, 2 high (MS-ASEMAIL 2.2.2.38).
    public var importance: Int
    public var read: Bool
    public var flag: EmailFlag?
    /// `IPM.Note`, `IPM.Schedule.Meeting.Request`, ... (MS-ASEMAIL 2.2.2.49).
    public var messageClass: String
    /// The Email2 ConversationId, 16 bytes (MS-ASEMAIL 2.2.2.20).
    public var conversationID: Data?
    public var categories: [String]
    public var attachments: [EmailAttachment]
    /// Up to 255 characters of body text (MS-ASAIRS Preview).
    public var preview: String
    /// 16.0+ drafts: whether the item is a draft the device may still change.
    public var isDraft: Bool

    public init(
        from: String? = nil, to: String? = nil, cc: String? = nil, replyTo: String? = nil, subject: String? = nil,
        dateReceived: Date, importance: Int = 1, read: Bool = false, flag: EmailFlag? = nil,
        messageClass: String = "IPM.Note", conversationID: Data? = nil, categories: [String] = [],
        attachments: [EmailAttachment] = [], preview: String = "", isDraft: Bool = false
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.dateReceived = dateReceived
        self.importance = importance
        self.read = read
        self.flag = flag
        self.messageClass = messageClass
        self.conversationID = conversationID
        self.categories = categories
        self.attachments = attachments
        self.preview = preview
        self.isDraft = isDraft
    }
}

/// A follow-up flag (MS-ASEMAIL 2.2.2.34).
public struct EmailFlag: Hashable, Sendable, Codable {
    /// 0 cleared, 1 complete, 2 active (MS-ASEMAIL 2.2.2.68 Status).
    public var status: Int
    public var flagType: String?
    public var startDate: Date?
    public var dueDate: Date?
    public var completeTime: Date?

    public init(
        status: Int, flagType: String? = nil, startDate: Date? = nil, dueDate: Date? = nil, completeTime: Date? = nil
    ) {
        self.status = status
        self.flagType = flagType
        self.startDate = startDate
        self.dueDate = dueDate
        self.completeTime = completeTime
    }
}

/// One attachment of a stored message (MS-ASAIRS 2.2.2.7), located by its part number.
public struct EmailAttachment: Hashable, Sendable, Codable {
    /// The index of the part among the message's attachments, used in FileReference.
    public var index: Int
    public var fileName: String
    public var contentType: String
    /// The Content-ID without angle brackets, for inline images.
    public var contentID: String?
    public var isInline: Bool
    /// The decoded size in bytes (MS-ASAIRS EstimatedDataSize).
    public var size: Int

    public init(index: Int, fileName: String, contentType: String, contentID: String?, isInline: Bool, size: Int) {
        self.index = index
        self.fileName = fileName
        self.contentType = contentType
        self.contentID = contentID
        self.isInline = isInline
        self.size = size
    }
}
