public import Foundation
public import WBXML

/// An email's `<airsync:ApplicationData>` (MS-ASEMAIL 2.2.2) as it travels, in the order of
/// the MS-ASEMAIL 4.1 and MS-ASCMD 4.10 examples; nil is an element left out.
///
/// ```xml
/// <email:To>"Ann" &lt;ann@example.com&gt;</email:To> <email:Cc/> <email:From/> <email:Subject/>
/// <email:ReplyTo/> <email:DateReceived>2026-12-01T09:48:17.000Z</email:DateReceived>
/// <email:DisplayTo>Ann</email:DisplayTo> <email:ThreadTopic/> <email:Importance>1</email:Importance>
/// <email:Read>0</email:Read> <airsyncbase:Attachments/> <airsyncbase:Body/> <airsyncbase:BodyPart/>
/// <email:MessageClass>IPM.Note</email:MessageClass> <email:InternetCPID>65001</email:InternetCPID>
/// <email:Flag/> <email:ContentClass>urn:content-classes:message</email:ContentClass>
/// <airsyncbase:NativeBodyType>2</airsyncbase:NativeBodyType>
/// <email2:ConversationId/> <email2:ConversationIndex/> <email:Categories/>
/// ```
///
/// ConversationId, ConversationIndex and Categories are 14.0+ and left out before; Bcc is
/// what a 16.0 device writes in a draft.
public struct EmailData: Hashable, Sendable {
    public var to: String?
    public var cc: String?
    public var bcc: String?
    public var from: String?
    public var subject: String?
    public var replyTo: String?
    public var dateReceived: Date?
    public var displayTo: String?
    public var threadTopic: String?
    /// 0 low, 1 normal, 2 high.
    public var importance: Int?
    public var read: Bool?
    public var attachments: [AttachmentData]?
    public var body: BodyData?
    public var bodyPart: BodyData?
    public var messageClass: String?
    /// The meeting of an invitation or cancellation (MS-ASEMAIL 2.2.2.48).
    public var meetingRequest: MeetingRequestData?
    public var internetCPID: Int?
    /// An empty flag (`<email:Flag/>`) says there is none, and clears one.
    public var flag: FlagData?
    public var contentClass: String?
    /// 1 plain text, 2 HTML: what the message itself is written in.
    public var nativeBodyType: Int?
    public var conversationID: [UInt8]?
    public var conversationIndex: [UInt8]?
    public var categories: [String]?

    public init() {}

    /// Reads what a device may write of an email: Read, Flag and Categories in any Change,
    /// and a 16.0 draft's recipients, Subject, Importance and Body.
    public init(_ data: WBXMLElement) throws(ApplicationDataError) {
        to = try data.string(EmailTag.to)
        cc = try data.string(EmailTag.cc)
        bcc = try data.string(Email2Tag.bcc)
        subject = try data.string(EmailTag.subject)
        importance = try data.int(EmailTag.importance, in: 0...2)
        read = try data.bool(EmailTag.read)
        flag = try data.firstElement(EmailTag.flag).map { element throws(ApplicationDataError) in
            try FlagData(element)
        }
        categories = try data.strings(EmailTag.categories, EmailTag.category)
        body = try data.body()
    }

    /// Whether a Change rewrites a draft's content (MS-ASEMAIL 3.1.5.3.2), not only its flags.
    public var changesDraftContent: Bool {
        to != nil || cc != nil || bcc != nil || subject != nil || importance != nil || body != nil
    }

    /// The children of `<airsync:ApplicationData>`.
    public func elements(version: ProtocolVersion) -> [WBXMLElement] {
        var list = ElementList()
        list.append(EmailTag.to, to)
        list.append(EmailTag.cc, cc)
        list.append(Email2Tag.bcc, bcc)
        list.append(EmailTag.from, from)
        list.append(EmailTag.subject, subject)
        list.append(EmailTag.replyTo, replyTo)
        list.append(EmailTag.dateReceived, dateReceived, .extended)
        list.append(EmailTag.displayTo, displayTo)
        list.append(EmailTag.threadTopic, threadTopic)
        list.append(EmailTag.importance, importance)
        list.append(EmailTag.read, read)
        list.append(attachments.map { WBXMLElement(AirSyncBaseTag.attachments, elements: $0.map(\.element)) })
        list.append(body?.element)
        list.append(bodyPart?.element)
        list.append(EmailTag.messageClass, messageClass)
        list.append(meetingRequest?.element(version: version))
        list.append(EmailTag.internetCPID, internetCPID)
        list.append(flag?.element)
        list.append(EmailTag.contentClass, contentClass)
        list.append(AirSyncBaseTag.nativeBodyType, nativeBodyType)
        if version >= .v14_0 {
            list.append(Email2Tag.conversationId, opaque: conversationID)
            list.append(Email2Tag.conversationIndex, opaque: conversationIndex)
            list.append(EmailTag.categories, EmailTag.category, categories)
        }
        return list.elements
    }
}

/// An attachment of an email (MS-ASAIRS 2.2.2.7); Method 1 is a regular attachment.
public struct AttachmentData: Hashable, Sendable {
    public var displayName: String?
    /// What an ItemOperations Fetch names the attachment by.
    public var fileReference: String
    public var method: Int
    public var estimatedDataSize: Int?
    public var contentID: String?
    public var isInline: Bool

    public init(
        displayName: String?, fileReference: String, method: Int = 1, estimatedDataSize: Int?, contentID: String?,
        isInline: Bool
    ) {
        self.displayName = displayName
        self.fileReference = fileReference
        self.method = method
        self.estimatedDataSize = estimatedDataSize
        self.contentID = contentID
        self.isInline = isInline
    }

    var element: WBXMLElement {
        var list = ElementList()
        list.append(AirSyncBaseTag.displayName, displayName)
        list.append(AirSyncBaseTag.fileReference, fileReference)
        list.append(AirSyncBaseTag.method, method)
        list.append(AirSyncBaseTag.estimatedDataSize, estimatedDataSize)
        list.append(AirSyncBaseTag.contentId, contentID)
        list.append(AirSyncBaseTag.isInline, isInline ? true : nil)
        return list.element(AirSyncBaseTag.attachment)
    }
}

/// An email's follow-up flag (MS-ASEMAIL 2.2.2.34); every property nil is the empty
/// `<email:Flag/>`. Start and due dates travel in the Tasks namespace, local and UTC.
public struct FlagData: Hashable, Sendable {
    /// 0 cleared, 1 complete, 2 active.
    public var status: Int?
    public var flagType: String?
    public var startDate: Date?
    public var utcStartDate: Date?
    public var dueDate: Date?
    public var utcDueDate: Date?
    public var completeTime: Date?
    public var dateCompleted: Date?

    public init(
        status: Int? = nil, flagType: String? = nil, startDate: Date? = nil, utcStartDate: Date? = nil,
        dueDate: Date? = nil, utcDueDate: Date? = nil, completeTime: Date? = nil, dateCompleted: Date? = nil
    ) {
        self.status = status
        self.flagType = flagType
        self.startDate = startDate
        self.utcStartDate = utcStartDate
        self.dueDate = dueDate
        self.utcDueDate = utcDueDate
        self.completeTime = completeTime
        self.dateCompleted = dateCompleted
    }

    /// An empty Flag, or one with its Status.
    init(_ flag: WBXMLElement) throws(ApplicationDataError) {
        guard !flag.elements.isEmpty else {
            self.init()
            return
        }
        guard let status = try flag.int(EmailTag.status, in: 0...2) else { throw .missing("Email:Status") }
        self.init(
            status: status, flagType: try flag.nonEmptyString(EmailTag.flagType),
            startDate: try flag.date(TasksTag.startDate), utcStartDate: try flag.date(TasksTag.utcStartDate),
            dueDate: try flag.date(TasksTag.dueDate), utcDueDate: try flag.date(TasksTag.utcDueDate),
            completeTime: try flag.date(EmailTag.completeTime), dateCompleted: try flag.date(TasksTag.dateCompleted))
    }

    var element: WBXMLElement {
        var list = ElementList()
        list.append(EmailTag.status, status)
        list.append(EmailTag.flagType, flagType)
        list.append(TasksTag.startDate, startDate, .extended)
        list.append(TasksTag.utcStartDate, utcStartDate, .extended)
        list.append(TasksTag.dueDate, dueDate, .extended)
        list.append(TasksTag.utcDueDate, utcDueDate, .extended)
        list.append(EmailTag.completeTime, completeTime, .extended)
        list.append(TasksTag.dateCompleted, dateCompleted, .extended)
        return list.element(EmailTag.flag)
    }
}
