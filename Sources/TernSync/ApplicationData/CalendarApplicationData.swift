import ActiveSync
import Foundation
import TernStore
import WBXML

/// An event's `<airsync:ApplicationData>` (MS-ASCAL 2.2.2), times in the compact form:
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
/// Version differences: from 16.0 Location is `airsyncbase:Location` (MS-ASAIRS 2.2.2.28), an
/// Exception names its occurrence by `airsyncbase:InstanceId` instead of ExceptionStartTime,
/// the server owns the UID (a device's UID is ignored; one it omits is kept), and every
/// top-level property a Change leaves out is ghosted (MS-ASCAL 3.1.5.3). The UID is sent in
/// every version's responses.
enum CalendarApplicationData {
    /// TIME_ZONE_INFORMATION is 172 bytes (MS-ASDTYPE 2.6.4).
    static let timeZoneBytes = 172
    /// The most attendees an event or exception may carry (Exchange caps a meeting near 500
    /// recipients per message; a series may gather more over time).
    static let maxAttendees = 2_000
    /// The most exceptions a recurring event may carry: ten years of a daily meeting's moves.
    static let maxExceptions = 4_000

    static func encode(_ event: CalendarItem, options: ItemEncodingOptions) -> [WBXMLElement] {
        let version = options.protocolVersion
        var list = ElementList()
        list.append("Calendar", "Timezone", event.timeZone?.base64EncodedString())
        list.append("Calendar", "AllDayEvent", event.allDayEvent)
        list.append("Calendar", "StartTime", event.startTime, .compact)
        list.append("Calendar", "EndTime", event.endTime, .compact)
        list.append("Calendar", "DtStamp", event.dtStamp, .compact)
        list.append("Calendar", "Subject", event.subject)
        list.append("Calendar", "UID", event.uid)
        list.append("Calendar", "OrganizerName", event.organizerName)
        list.append("Calendar", "OrganizerEmail", event.organizerEmail)
        list.append(event.location.map { locationElement($0, version: version) })
        list.append("Calendar", "Sensitivity", event.sensitivity)
        list.append("Calendar", "BusyStatus", event.busyStatus)
        list.append("Calendar", "Reminder", event.reminder)
        list.append("Calendar", "MeetingStatus", event.meetingStatus)
        if !event.attendees.isEmpty { list.append(attendeesElement(event.attendees)) }
        list.append(event.recurrence.map { RecurrenceElement.make($0, for: .calendar, version: version) })
        if !event.exceptions.isEmpty {
            var exceptions = ElementList()
            for exception in event.exceptions { exceptions.append(exceptionElement(exception, options: options)) }
            list.append(exceptions.element("Calendar", "Exceptions"))
        }
        if !event.categories.isEmpty { list.append("Calendar", "Categories", "Category", event.categories) }
        list.append(event.body.map { BodyElement.plainText($0, options: options) })
        return list.elements
    }

    static func decode(
        _ data: WBXMLElement, replacing existing: CalendarItem?, ghosting: Ghosting, protocolVersion: ProtocolVersion
    ) throws(ApplicationDataError) -> CalendarItem {
        guard let start = try data.date("Calendar", "StartTime") ?? existing?.startTime else {
            throw .missing("Calendar:StartTime")
        }
        guard let end = try data.date("Calendar", "EndTime") ?? existing?.endTime else {
            throw .missing("Calendar:EndTime")
        }
        let stored = existing ?? CalendarItem(startTime: start, endTime: end, uid: "")
        func optional<Value>(_ name: String, _ sent: Value??, _ value: Value?) -> Value? {
            ghosting.merge(name, sent: sent, stored: value, cleared: nil)
        }
        var event = CalendarItem(
            startTime: start, endTime: end, uid: try uid(data, stored: stored, version: protocolVersion))
        event.timeZone = optional("Calendar:Timezone", try timeZone(in: data).map(Optional.some), stored.timeZone)
        event.allDayEvent = ghosting.merge(
            "Calendar:AllDayEvent", sent: try data.bool("Calendar", "AllDayEvent"), stored: stored.allDayEvent,
            cleared: false)
        event.dtStamp = optional(
            "Calendar:DtStamp", try data.date("Calendar", "DtStamp").map(Optional.some), stored.dtStamp)
        event.subject = optional(
            "Calendar:Subject", try data.string("Calendar", "Subject").map(nonEmpty), stored.subject)
        event.organizerName = optional(
            "Calendar:OrganizerName", try data.string("Calendar", "OrganizerName").map(nonEmpty), stored.organizerName)
        event.organizerEmail = optional(
            "Calendar:OrganizerEmail", try data.string("Calendar", "OrganizerEmail").map(nonEmpty),
            stored.organizerEmail)
        event.location = optional(
            protocolVersion >= .v16_0 ? "AirSyncBase:Location" : "Calendar:Location", try location(in: data),
            stored.location)
        event.sensitivity = ghosting.merge(
            "Calendar:Sensitivity", sent: try data.int("Calendar", "Sensitivity", in: 0...3),
            stored: stored.sensitivity, cleared: 0)
        event.busyStatus = ghosting.merge(
            "Calendar:BusyStatus", sent: try data.int("Calendar", "BusyStatus", in: 0...4), stored: stored.busyStatus,
            cleared: 2)
        event.reminder = optional("Calendar:Reminder", try reminder(in: data), stored.reminder)
        event.meetingStatus = ghosting.merge(
            "Calendar:MeetingStatus", sent: try data.int("Calendar", "MeetingStatus", in: 0...15),
            stored: stored.meetingStatus, cleared: 0)
        event.attendees = ghosting.merge(
            "Calendar:Attendees", sent: try attendees(in: data), stored: stored.attendees, cleared: [])
        event.recurrence = optional(
            "Calendar:Recurrence", try RecurrenceElement.decode(in: data, for: .calendar).map(Optional.some),
            stored.recurrence)
        event.exceptions = ghosting.merge(
            "Calendar:Exceptions", sent: try exceptions(in: data), stored: stored.exceptions, cleared: [])
        event.categories = ghosting.merge(
            "Calendar:Categories", sent: try data.strings("Calendar", "Categories", "Category"),
            stored: stored.categories, cleared: [])
        event.body = optional("AirSyncBase:Body", try BodyElement.text(in: data).map(nonEmpty), stored.body)
        return event
    }

    // MARK: Writing

    private static func locationElement(_ location: String, version: ProtocolVersion) -> WBXMLElement {
        guard version >= .v16_0 else { return WBXMLElement(CalendarTag.location, text: location) }
        var list = ElementList()
        list.append("AirSyncBase", "DisplayName", location)
        return list.element("AirSyncBase", "Location")
    }

    private static func attendeesElement(_ attendees: [Attendee]) -> WBXMLElement {
        var list = ElementList()
        for attendee in attendees {
            var fields = ElementList()
            fields.append("Calendar", "Email", attendee.email)
            fields.append("Calendar", "Name", attendee.name)
            fields.append("Calendar", "AttendeeStatus", attendee.status)
            fields.append("Calendar", "AttendeeType", attendee.type)
            list.append(fields.element("Calendar", "Attendee"))
        }
        return list.element("Calendar", "Attendees")
    }

    /// MS-ASCAL 2.2.2.21 Exception: what is not written is inherited from the series.
    private static func exceptionElement(_ exception: CalendarException, options: ItemEncodingOptions) -> WBXMLElement {
        let version = options.protocolVersion
        var list = ElementList()
        list.append("Calendar", "Deleted", exception.deleted ? true : nil)
        if version >= .v16_0 {
            list.append("AirSyncBase", "InstanceId", exception.exceptionStartTime, .extended)
        } else {
            list.append("Calendar", "ExceptionStartTime", exception.exceptionStartTime, .compact)
        }
        list.append("Calendar", "StartTime", exception.startTime, .compact)
        list.append("Calendar", "EndTime", exception.endTime, .compact)
        list.append("Calendar", "Subject", exception.subject)
        list.append(exception.location.map { locationElement($0, version: version) })
        list.append("Calendar", "AllDayEvent", exception.allDayEvent)
        list.append("Calendar", "BusyStatus", exception.busyStatus)
        list.append("Calendar", "Reminder", exception.reminder)
        list.append(exception.attendees.map(attendeesElement))
        list.append(exception.body.map { BodyElement.plainText($0, options: options) })
        return list.element("Calendar", "Exception")
    }

    // MARK: Reading

    /// Before 16.0 the device names the UID; from 16.0 the server does (MS-ASCAL 2.2.2.46).
    private static func uid(
        _ data: WBXMLElement, stored: CalendarItem, version: ProtocolVersion
    ) throws(ApplicationDataError) -> String {
        if version < .v16_0, let sent = try data.nonEmptyString("Calendar", "UID") {
            guard sent.count <= 300 else { throw .badValue("Calendar:UID", "longer than 300 characters") }
            return sent
        }
        return stored.uid.isEmpty ? UUID().uuidString : stored.uid
    }

    private static func timeZone(in data: WBXMLElement) throws(ApplicationDataError) -> Data? {
        guard let text = try data.string("Calendar", "Timezone") else { return nil }
        guard let blob = Data(base64Encoded: text, options: .ignoreUnknownCharacters), blob.count == timeZoneBytes
        else { throw .badValue("Calendar:Timezone", "not a base64 TIME_ZONE_INFORMATION of \(timeZoneBytes) bytes") }
        return blob
    }

    /// Either form of Location, whatever the version: devices are not strict about it.
    /// nil when absent; `.some(nil)` when sent empty.
    private static func location(in data: WBXMLElement) throws(ApplicationDataError) -> String?? {
        if let base = data.child("AirSyncBase", "Location") {
            return .some(try base.string("AirSyncBase", "DisplayName").flatMap(nonEmpty))
        }
        return try data.string("Calendar", "Location").map(nonEmpty)
    }

    /// An empty Reminder removes the reminder.
    private static func reminder(in data: WBXMLElement) throws(ApplicationDataError) -> Int?? {
        guard let text = try data.string("Calendar", "Reminder") else { return nil }
        if text.isEmpty { return .some(nil) }
        return .some(try data.int("Calendar", "Reminder", in: 0...Int(Int32.max)))
    }

    private static func attendees(in data: WBXMLElement) throws(ApplicationDataError) -> [Attendee]? {
        guard let list = data.child("Calendar", "Attendees") else { return nil }
        var attendees: [Attendee] = []
        for element in list.elements where element.tag == CalendarTag.attendee {
            guard attendees.count < maxAttendees else {
                throw ApplicationDataError(
                    .oversized, element: "Calendar:Attendees", "more than \(maxAttendees) attendees")
            }
            guard let email = try element.nonEmptyString("Calendar", "Email") else { throw .missing("Calendar:Email") }
            attendees.append(
                Attendee(
                    email: email, name: try element.nonEmptyString("Calendar", "Name"),
                    status: try element.int("Calendar", "AttendeeStatus", in: 0...5),
                    type: try element.int("Calendar", "AttendeeType", in: 1...3)))
        }
        return attendees
    }

    private static func exceptions(in data: WBXMLElement) throws(ApplicationDataError) -> [CalendarException]? {
        guard let list = data.child("Calendar", "Exceptions") else { return nil }
        var exceptions: [CalendarException] = []
        for element in list.elements where element.tag == CalendarTag.exception {
            guard exceptions.count < maxExceptions else {
                throw ApplicationDataError(
                    .oversized, element: "Calendar:Exceptions", "more than \(maxExceptions) exceptions")
            }
            exceptions.append(try exception(element))
        }
        return exceptions
    }

    /// The occurrence is named by ExceptionStartTime, or from 16.0 by InstanceId, its original start.
    private static func exception(_ element: WBXMLElement) throws(ApplicationDataError) -> CalendarException {
        let startTime = try element.date("Calendar", "ExceptionStartTime")
        let instanceID = try element.date("AirSyncBase", "InstanceId")
        guard let original = startTime ?? instanceID else {
            throw .missing("Calendar:ExceptionStartTime")
        }
        let attendees = try attendees(in: element)
        return CalendarException(
            exceptionStartTime: original, deleted: try element.bool("Calendar", "Deleted") ?? false,
            startTime: try element.date("Calendar", "StartTime"), endTime: try element.date("Calendar", "EndTime"),
            subject: try element.nonEmptyString("Calendar", "Subject"), location: try location(in: element) ?? nil,
            body: try BodyElement.text(in: element).flatMap(nonEmpty),
            allDayEvent: try element.bool("Calendar", "AllDayEvent"),
            busyStatus: try element.int("Calendar", "BusyStatus", in: 0...4),
            reminder: try reminder(in: element) ?? nil, attendees: attendees)
    }
}
