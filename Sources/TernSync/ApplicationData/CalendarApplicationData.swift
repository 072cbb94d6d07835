import ActiveSync
import Foundation
import TernImport
import TernStore

/// A stored event to and from its typed ApplicationData (`CalendarData`, MS-ASCAL 2.2.2).
///
/// From 16.0 the server owns the UID (a device's UID is ignored; one it omits is kept), and
/// every top-level property a Change leaves out is ghosted (MS-ASCAL 3.1.5.3). The UID is sent
/// in every version's responses.
enum CalendarApplicationData {
    static func encode(_ event: CalendarItem, options: ItemEncodingOptions) -> CalendarData {
        var data = CalendarData()
        // An event stored without a zone has UTC times, which the UTC blob describes: a device
        // needs one to place the event (MS-ASCAL 2.2.2.46).
        data.timeZone = event.timeZone ?? TimeZoneInformation.utc.encoded
        data.allDayEvent = event.allDayEvent
        data.startTime = event.startTime
        data.endTime = event.endTime
        data.dtStamp = event.dtStamp
        data.subject = event.subject
        data.uid = event.uid
        data.organizerName = event.organizerName
        data.organizerEmail = event.organizerEmail
        data.location = event.location
        data.sensitivity = event.sensitivity
        data.busyStatus = event.busyStatus
        data.reminder = event.reminder.map(Clearable.value)
        data.meetingStatus = event.meetingStatus
        data.attendees = event.attendees.nilWhenEmpty
        data.recurrence = event.recurrence
        data.exceptions = event.exceptions.nilWhenEmpty?.map { ExceptionData($0, options: options) }
        data.categories = event.categories.nilWhenEmpty
        data.body = event.body.map { BodyData(plainText: $0, options: options) }
        return data
    }

    static func decode(
        _ sent: CalendarData, replacing existing: CalendarItem?, ghosting: Ghosting, version: ProtocolVersion
    ) throws(ApplicationDataError) -> CalendarItem {
        guard let start = sent.startTime ?? existing?.startTime else { throw .missing("Calendar:StartTime") }
        guard let end = sent.endTime ?? existing?.endTime else { throw .missing("Calendar:EndTime") }
        let data =
            existing.map { sent.filling(from: encode($0, options: .whole(version)), ghosting, version: version) }
            ?? sent
        var event = CalendarItem(startTime: start, endTime: end, uid: try uid(sent, stored: existing, version: version))
        event.timeZone = data.timeZone
        event.allDayEvent = data.allDayEvent ?? false
        event.dtStamp = data.dtStamp
        event.subject = data.subject.flatMap(nonEmpty)
        event.organizerName = data.organizerName.flatMap(nonEmpty)
        event.organizerEmail = data.organizerEmail.flatMap(nonEmpty)
        event.location = data.location.flatMap(nonEmpty)
        event.sensitivity = data.sensitivity ?? 0
        event.busyStatus = data.busyStatus ?? 2
        event.reminder = data.reminder?.value
        event.meetingStatus = data.meetingStatus ?? 0
        event.attendees = data.attendees ?? []
        event.recurrence = data.recurrence
        event.exceptions = data.exceptions?.map(CalendarException.init) ?? []
        event.categories = data.categories ?? []
        event.body = data.body.flatMap { nonEmpty($0.text) }
        return event
    }

    /// Before 16.0 the device names the UID; from 16.0 the server does (MS-ASCAL 2.2.2.46).
    private static func uid(
        _ data: CalendarData, stored: CalendarItem?, version: ProtocolVersion
    ) throws(ApplicationDataError) -> String {
        if version < .v16_0, let sent = data.uid.flatMap(nonEmpty) {
            guard sent.count <= 300 else {
                throw ApplicationDataError(.badValue, element: "Calendar:UID", "longer than 300 characters")
            }
            return sent
        }
        guard let stored, !stored.uid.isEmpty else { return UUID().uuidString }
        return stored.uid
    }
}

extension ExceptionData {
    init(_ exception: CalendarException, options: ItemEncodingOptions) {
        self.init(exceptionStartTime: exception.exceptionStartTime)
        deleted = exception.deleted ? true : nil
        startTime = exception.startTime
        endTime = exception.endTime
        subject = exception.subject
        location = exception.location
        allDayEvent = exception.allDayEvent
        busyStatus = exception.busyStatus
        reminder = exception.reminder.map(Clearable.value)
        attendees = exception.attendees
        body = exception.body.map { BodyData(plainText: $0, options: options) }
    }
}

extension CalendarException {
    init(_ data: ExceptionData) {
        self.init(
            exceptionStartTime: data.exceptionStartTime, deleted: data.deleted ?? false, startTime: data.startTime,
            endTime: data.endTime, subject: data.subject.flatMap(nonEmpty), location: data.location.flatMap(nonEmpty),
            body: data.body.flatMap { nonEmpty($0.text) }, allDayEvent: data.allDayEvent, busyStatus: data.busyStatus,
            reminder: data.reminder?.value, attendees: data.attendees)
    }
}
