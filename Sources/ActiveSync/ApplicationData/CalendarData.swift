public import Foundation
public import WBXML

/// An event's `<airsync:ApplicationData>` (MS-ASCAL 2.2.2) as it travels, times in the
/// compact form; nil is an element left out.
///
/// ```xml
/// <calendar:Timezone>xP///...AAAA==</calendar:Timezone>
/// <calendar:AllDayEvent>0</calendar:AllDayEvent>
/// <calendar:StartTime>20261201T094817Z</calendar:StartTime>
/// <calendar:EndTime>20261201T104817Z</calendar:EndTime>
/// <calendar:Subject>Review</calendar:Subject>
/// <calendar:UID>040000008200E000...</calendar:UID>
/// <calendar:Location>Room 4</calendar:Location>          (12.1–14.1)
/// <airsyncbase:Location>                                  (16.0+)
///   <airsyncbase:DisplayName>Room 4</airsyncbase:DisplayName>
/// </airsyncbase:Location>
/// ```
///
/// From 16.0 Location is `airsyncbase:Location` (MS-ASAIRS 2.2.2.28) and an Exception names
/// its occurrence by `airsyncbase:InstanceId` instead of ExceptionStartTime; either form of
/// Location is read whatever the version, since devices are not strict about it.
public struct CalendarData: Hashable, Sendable {
    /// TIME_ZONE_INFORMATION is 172 bytes (MS-ASDTYPE 2.6.4).
    public static let timeZoneBytes = 172
    /// The most attendees an event or exception may carry (Exchange caps a meeting near 500
    /// recipients per message; a series may gather more over time).
    public static let maxAttendees = 2_000
    /// The most exceptions a recurring event may carry: ten years of a daily meeting's moves.
    public static let maxExceptions = 4_000

    /// The TIME_ZONE_INFORMATION blob.
    public var timeZone: Data?
    public var allDayEvent: Bool?
    public var startTime: Date?
    public var endTime: Date?
    public var dtStamp: Date?
    /// "" when the device clears it, as for the other texts.
    public var subject: String?
    public var uid: String?
    public var organizerName: String?
    public var organizerEmail: String?
    public var location: String?
    public var sensitivity: Int?
    public var busyStatus: Int?
    /// Minutes before the start.
    public var reminder: Clearable<Int>?
    public var meetingStatus: Int?
    public var attendees: [AttendeeData]?
    public var recurrence: RecurrenceData?
    public var exceptions: [ExceptionData]?
    public var categories: [String]?
    public var body: BodyData?

    public init() {}

    /// Reads a device's event; a value out of its range is refused.
    public init(_ data: WBXMLElement) throws(ApplicationDataError) {
        timeZone = try Self.timeZone(in: data)
        allDayEvent = try data.bool(CalendarTag.allDayEvent)
        startTime = try data.date(CalendarTag.startTime)
        endTime = try data.date(CalendarTag.endTime)
        dtStamp = try data.date(CalendarTag.dtStamp)
        subject = try data.string(CalendarTag.subject)
        uid = try data.string(CalendarTag.uid)
        organizerName = try data.string(CalendarTag.organizerName)
        organizerEmail = try data.string(CalendarTag.organizerEmail)
        location = try Self.location(in: data)
        sensitivity = try data.int(CalendarTag.sensitivity, in: 0...3)
        busyStatus = try data.int(CalendarTag.busyStatus, in: 0...4)
        reminder = try Self.reminder(in: data)
        meetingStatus = try data.int(CalendarTag.meetingStatus, in: 0...15)
        attendees = try AttendeeData.list(in: data)
        recurrence = try RecurrenceData.decode(in: data, for: .calendar)
        exceptions = try ExceptionData.list(in: data)
        categories = try data.strings(CalendarTag.categories, CalendarTag.category)
        body = try data.body()
    }

    /// The children of `<airsync:ApplicationData>`, in the order of MS-ASCAL's examples.
    public func elements(version: ProtocolVersion) -> [WBXMLElement] {
        var list = ElementList()
        list.append(CalendarTag.timezone, timeZone?.base64EncodedString())
        list.append(CalendarTag.allDayEvent, allDayEvent)
        list.append(CalendarTag.startTime, startTime, .compact)
        list.append(CalendarTag.endTime, endTime, .compact)
        list.append(CalendarTag.dtStamp, dtStamp, .compact)
        list.append(CalendarTag.subject, subject)
        list.append(CalendarTag.uid, uid)
        list.append(CalendarTag.organizerName, organizerName)
        list.append(CalendarTag.organizerEmail, organizerEmail)
        list.append(location.map { Self.locationElement($0, version: version) })
        list.append(CalendarTag.sensitivity, sensitivity)
        list.append(CalendarTag.busyStatus, busyStatus)
        list.append(reminder.map(Self.reminderElement))
        list.append(CalendarTag.meetingStatus, meetingStatus)
        list.append(attendees.map(AttendeeData.listElement))
        list.append(recurrence?.element(for: .calendar, version: version))
        list.append(
            exceptions.map { WBXMLElement(CalendarTag.exceptions, elements: $0.map { $0.element(version: version) }) })
        list.append(CalendarTag.categories, CalendarTag.category, categories)
        list.append(body?.element)
        return list.elements
    }

    /// This Change with what it left out taken from `stored` where `ghosting` keeps it. The
    /// times and the UID are not ghosted properties: the server decides on them.
    public func filling(from stored: CalendarData, _ ghosting: Ghosting, version: ProtocolVersion) -> CalendarData {
        var event = self
        ghosting.fill(&event, from: stored, \.timeZone, CalendarTag.timezone)
        ghosting.fill(&event, from: stored, \.allDayEvent, CalendarTag.allDayEvent)
        ghosting.fill(&event, from: stored, \.dtStamp, CalendarTag.dtStamp)
        ghosting.fill(&event, from: stored, \.subject, CalendarTag.subject)
        ghosting.fill(&event, from: stored, \.organizerName, CalendarTag.organizerName)
        ghosting.fill(&event, from: stored, \.organizerEmail, CalendarTag.organizerEmail)
        ghosting.fill(
            &event, from: stored, \.location, version >= .v16_0 ? AirSyncBaseTag.location : CalendarTag.location)
        ghosting.fill(&event, from: stored, \.sensitivity, CalendarTag.sensitivity)
        ghosting.fill(&event, from: stored, \.busyStatus, CalendarTag.busyStatus)
        ghosting.fill(&event, from: stored, \.reminder, CalendarTag.reminder)
        ghosting.fill(&event, from: stored, \.meetingStatus, CalendarTag.meetingStatus)
        ghosting.fill(&event, from: stored, \.attendees, CalendarTag.attendees)
        ghosting.fill(&event, from: stored, \.recurrence, CalendarTag.recurrence)
        ghosting.fill(&event, from: stored, \.exceptions, CalendarTag.exceptions)
        ghosting.fill(&event, from: stored, \.categories, CalendarTag.categories)
        ghosting.fill(&event, from: stored, \.body, AirSyncBaseTag.body)
        return event
    }

    static func locationElement(_ location: String, version: ProtocolVersion) -> WBXMLElement {
        guard version >= .v16_0 else { return WBXMLElement(CalendarTag.location, text: location) }
        return WBXMLElement(
            AirSyncBaseTag.location, elements: [WBXMLElement(AirSyncBaseTag.displayName, text: location)])
    }

    static func reminderElement(_ reminder: Clearable<Int>) -> WBXMLElement {
        switch reminder {
        case .value(let minutes): WBXMLElement(CalendarTag.reminder, text: String(minutes))
        case .cleared: WBXMLElement(CalendarTag.reminder)
        }
    }

    private static func timeZone(in data: WBXMLElement) throws(ApplicationDataError) -> Data? {
        guard let text = try data.string(CalendarTag.timezone) else { return nil }
        guard let blob = Data(base64Encoded: text, options: .ignoreUnknownCharacters), blob.count == timeZoneBytes
        else { throw .badValue("Calendar:Timezone", "not a base64 TIME_ZONE_INFORMATION of \(timeZoneBytes) bytes") }
        return blob
    }

    /// Either form of Location; "" when sent empty.
    static func location(in data: WBXMLElement) throws(ApplicationDataError) -> String? {
        if let base = data.firstElement(AirSyncBaseTag.location) {
            return try base.string(AirSyncBaseTag.displayName) ?? ""
        }
        return try data.string(CalendarTag.location)
    }

    /// An empty Reminder removes the reminder.
    static func reminder(in data: WBXMLElement) throws(ApplicationDataError) -> Clearable<Int>? {
        guard let text = try data.string(CalendarTag.reminder) else { return nil }
        if text.isEmpty { return .cleared }
        return try data.int(CalendarTag.reminder, in: 0...Int(Int32.max)).map(Clearable.value)
    }
}

/// An attendee of a meeting (MS-ASCAL 2.2.2.4), as it travels and as the store keeps it
/// (`Attendee` in TernStore).
public struct AttendeeData: Hashable, Sendable, Codable {
    public var email: String
    public var name: String?
    /// 0 unknown, 2 tentative, 3 accepted, 4 declined, 5 not responded.
    public var status: Int?
    /// 1 required, 2 optional, 3 resource.
    public var type: Int?

    public init(email: String, name: String? = nil, status: Int? = nil, type: Int? = nil) {
        self.email = email
        self.name = name
        self.status = status
        self.type = type
    }

    static func list(in data: WBXMLElement) throws(ApplicationDataError) -> [AttendeeData]? {
        guard let list = data.firstElement(CalendarTag.attendees) else { return nil }
        var attendees: [AttendeeData] = []
        for element in list.elements where element.tag == CalendarTag.attendee {
            guard attendees.count < CalendarData.maxAttendees else {
                throw ApplicationDataError(
                    .oversized, element: "Calendar:Attendees", "more than \(CalendarData.maxAttendees) attendees")
            }
            guard let email = try element.nonEmptyString(CalendarTag.email) else { throw .missing("Calendar:Email") }
            attendees.append(
                AttendeeData(
                    email: email, name: try element.nonEmptyString(CalendarTag.name),
                    status: try element.int(CalendarTag.attendeeStatus, in: 0...5),
                    type: try element.int(CalendarTag.attendeeType, in: 1...3)))
        }
        return attendees
    }

    static func listElement(_ attendees: [AttendeeData]) -> WBXMLElement {
        WBXMLElement(
            CalendarTag.attendees,
            elements: attendees.map { attendee in
                var fields = ElementList()
                fields.append(CalendarTag.email, attendee.email)
                fields.append(CalendarTag.name, attendee.name)
                fields.append(CalendarTag.attendeeStatus, attendee.status)
                fields.append(CalendarTag.attendeeType, attendee.type)
                return fields.element(CalendarTag.attendee)
            })
    }
}

/// One changed or deleted occurrence of a recurring event (MS-ASCAL 2.2.2.21): what it
/// leaves out is inherited from the series.
public struct ExceptionData: Hashable, Sendable {
    /// The original start of the occurrence: ExceptionStartTime, or from 16.0 InstanceId.
    public var exceptionStartTime: Date
    public var deleted: Bool?
    public var startTime: Date?
    public var endTime: Date?
    public var subject: String?
    public var location: String?
    public var allDayEvent: Bool?
    public var busyStatus: Int?
    public var reminder: Clearable<Int>?
    public var attendees: [AttendeeData]?
    public var body: BodyData?

    public init(exceptionStartTime: Date) {
        self.exceptionStartTime = exceptionStartTime
    }

    static func list(in data: WBXMLElement) throws(ApplicationDataError) -> [ExceptionData]? {
        guard let list = data.firstElement(CalendarTag.exceptions) else { return nil }
        var exceptions: [ExceptionData] = []
        for element in list.elements where element.tag == CalendarTag.exception {
            guard exceptions.count < CalendarData.maxExceptions else {
                throw ApplicationDataError(
                    .oversized, element: "Calendar:Exceptions", "more than \(CalendarData.maxExceptions) exceptions")
            }
            exceptions.append(try ExceptionData(element))
        }
        return exceptions
    }

    init(_ element: WBXMLElement) throws(ApplicationDataError) {
        let startTime = try element.date(CalendarTag.exceptionStartTime)
        let instanceID = try element.date(AirSyncBaseTag.instanceId)
        guard let original = startTime ?? instanceID else { throw .missing("Calendar:ExceptionStartTime") }
        self.init(exceptionStartTime: original)
        deleted = try element.bool(CalendarTag.deleted)
        self.startTime = try element.date(CalendarTag.startTime)
        endTime = try element.date(CalendarTag.endTime)
        subject = try element.string(CalendarTag.subject)
        location = try CalendarData.location(in: element)
        allDayEvent = try element.bool(CalendarTag.allDayEvent)
        busyStatus = try element.int(CalendarTag.busyStatus, in: 0...4)
        reminder = try CalendarData.reminder(in: element)
        attendees = try AttendeeData.list(in: element)
        body = try element.body()
    }

    func element(version: ProtocolVersion) -> WBXMLElement {
        var list = ElementList()
        list.append(CalendarTag.deleted, deleted)
        if version >= .v16_0 {
            list.append(AirSyncBaseTag.instanceId, exceptionStartTime, .extended)
        } else {
            list.append(CalendarTag.exceptionStartTime, exceptionStartTime, .compact)
        }
        list.append(CalendarTag.startTime, startTime, .compact)
        list.append(CalendarTag.endTime, endTime, .compact)
        list.append(CalendarTag.subject, subject)
        list.append(location.map { CalendarData.locationElement($0, version: version) })
        list.append(CalendarTag.allDayEvent, allDayEvent)
        list.append(CalendarTag.busyStatus, busyStatus)
        list.append(reminder.map(CalendarData.reminderElement))
        list.append(attendees.map(AttendeeData.listElement))
        list.append(body?.element)
        return list.element(CalendarTag.exception)
    }
}
