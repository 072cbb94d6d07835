public import ActiveSync
public import Foundation

/// A calendar event (MS-ASCAL): times, time zone, recurrence with exceptions, attendees.
public struct CalendarItem: Hashable, Sendable, Codable {
    /// The 172-byte TIME_ZONE_INFORMATION blob EAS sends base64-encoded (MS-ASDTYPE 2.6.4).
    public var timeZone: Data?
    public var startTime: Date
    public var endTime: Date
    public var allDayEvent: Bool
    public var subject: String?
    public var location: String?
    public var body: String?
    public var organizerName: String?
    public var organizerEmail: String?
    /// The iCalendar UID, shared with every attendee's copy (MS-ASCAL 2.2.2.46 UID).
    public var uid: String
    public var dtStamp: Date?
    /// Minutes before the start; nil for no reminder.
    public var reminder: Int?
    /// 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere.
    public var busyStatus: Int
    /// 0 normal, 1 personal, 2 private, 3 confidential.
    public var sensitivity: Int
    /// 0 appointment, 1 meeting organised by the user, 3 received meeting, 5/7 cancelled ...
    public var meetingStatus: Int
    public var attendees: [Attendee]
    public var categories: [String]
    public var recurrence: Recurrence?
    public var exceptions: [CalendarException]

    public init(
        timeZone: Data? = nil, startTime: Date, endTime: Date, allDayEvent: Bool = false, subject: String? = nil,
        location: String? = nil, body: String? = nil, organizerName: String? = nil, organizerEmail: String? = nil,
        uid: String, dtStamp: Date? = nil, reminder: Int? = nil, busyStatus: Int = 2, sensitivity: Int = 0,
        meetingStatus: Int = 0, attendees: [Attendee] = [], categories: [String] = [], recurrence: Recurrence? = nil,
        exceptions: [CalendarException] = []
    ) {
        self.timeZone = timeZone
        self.startTime = startTime
        self.endTime = endTime
        self.allDayEvent = allDayEvent
        self.subject = subject
        self.location = location
        self.body = body
        self.organizerName = organizerName
        self.organizerEmail = organizerEmail
        self.uid = uid
        self.dtStamp = dtStamp
        self.reminder = reminder
        self.busyStatus = busyStatus
        self.sensitivity = sensitivity
        self.meetingStatus = meetingStatus
        self.attendees = attendees
        self.categories = categories
        self.recurrence = recurrence
        self.exceptions = exceptions
    }
}

/// An attendee of a meeting (MS-ASCAL 2.2.2.4), kept in the protocol's own form.
public typealias Attendee = AttendeeData

/// One changed or deleted occurrence of a recurring event (MS-ASCAL 2.2.2.20). Properties
/// left nil are inherited from the series.
public struct CalendarException: Hashable, Sendable, Codable {
    /// The original start of the occurrence this exception replaces.
    public var exceptionStartTime: Date
    public var deleted: Bool
    public var startTime: Date?
    public var endTime: Date?
    public var subject: String?
    public var location: String?
    public var body: String?
    public var allDayEvent: Bool?
    public var busyStatus: Int?
    public var reminder: Int?
    public var attendees: [Attendee]?

    public init(
        exceptionStartTime: Date, deleted: Bool = false, startTime: Date? = nil, endTime: Date? = nil,
        subject: String? = nil, location: String? = nil, body: String? = nil, allDayEvent: Bool? = nil,
        busyStatus: Int? = nil, reminder: Int? = nil, attendees: [Attendee]? = nil
    ) {
        self.exceptionStartTime = exceptionStartTime
        self.deleted = deleted
        self.startTime = startTime
        self.endTime = endTime
        self.subject = subject
        self.location = location
        self.body = body
        self.allDayEvent = allDayEvent
        self.busyStatus = busyStatus
        self.reminder = reminder
        self.attendees = attendees
    }
}
