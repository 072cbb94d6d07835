import ActiveSync
import Foundation
import TernImport
import TernStore
import Testing
import WBXML

@testable import TernSync

@Suite struct CalendarApplicationDataTests {
    static let full = CalendarItem(
        timeZone: Data(repeating: 0x2A, count: 172), startTime: date("20261201T090000Z"),
        endTime: date("20261201T100000Z"), allDayEvent: false, subject: "Review", location: "Room 4",
        body: "Agenda attached.", organizerName: "Bob", organizerEmail: "bob@example.com", uid: "uid-1",
        dtStamp: date("20261120T080000Z"), reminder: 15, busyStatus: 1, sensitivity: 2, meetingStatus: 1,
        attendees: [
            Attendee(email: "ann@example.com", name: "Ann", status: 3, type: 1), Attendee(email: "c@example.com"),
        ],
        categories: ["Work"],
        recurrence: Recurrence(type: 1, interval: 2, until: date("20270601T000000Z"), dayOfWeek: 2, firstDayOfWeek: 1),
        exceptions: [
            CalendarException(exceptionStartTime: date("20261215T090000Z"), deleted: true),
            CalendarException(
                exceptionStartTime: date("20261229T090000Z"), startTime: date("20261229T110000Z"),
                endTime: date("20261229T120000Z"), subject: "Moved", location: "Room 5", body: "Later today",
                allDayEvent: false, busyStatus: 2, reminder: 5, attendees: [Attendee(email: "ann@example.com")]),
        ])

    static let minimal = CalendarItem(
        startTime: date("20261201T090000Z"), endTime: date("20261201T100000Z"), uid: "uid-2")

    static func encode(_ event: CalendarItem, _ version: ProtocolVersion) -> WBXMLElement {
        encodeElement(.event(event), serverID: "4:1", options: options(version))
    }

    @Test(arguments: [ProtocolVersion.v14_1, .v16_1], [full, minimal])
    func roundTripsAsAChange(_ version: ProtocolVersion, _ event: CalendarItem) throws {
        let stored = CalendarItem(
            startTime: date("20250101T000000Z"), endTime: date("20250101T010000Z"), uid: event.uid)
        let result = try decode(Self.encode(event, version), as: .calendar, replacing: .event(stored), version: version)
        #expect(result == .event(Self.withZone(event)))
    }

    @Test(arguments: [full, minimal])
    func roundTripsAsAnAddBefore16(_ event: CalendarItem) throws {
        #expect(try decode(Self.encode(event, .v14_1), as: .calendar, version: .v14_1) == .event(Self.withZone(event)))
    }

    /// What a device sends back of `event`: an event stored without a zone went out, and
    /// comes back, with the UTC blob.
    static func withZone(_ event: CalendarItem) -> CalendarItem {
        var event = event
        event.timeZone = event.timeZone ?? TimeZoneInformation.utc.encoded
        return event
    }

    @Test func writesCompactTimesAndTheOrder() {
        let data = Self.encode(Self.full, .v14_1)
        #expect(
            tags(data) == [
                "Calendar:Timezone", "Calendar:AllDayEvent", "Calendar:StartTime", "Calendar:EndTime",
                "Calendar:DtStamp", "Calendar:Subject", "Calendar:UID", "Calendar:OrganizerName",
                "Calendar:OrganizerEmail", "Calendar:Location", "Calendar:Sensitivity", "Calendar:BusyStatus",
                "Calendar:Reminder", "Calendar:MeetingStatus", "Calendar:Attendees", "Calendar:Recurrence",
                "Calendar:Exceptions", "Calendar:Categories", "AirSyncBase:Body",
            ])
        #expect(data.child("Calendar", "StartTime")?.text == "20261201T090000Z")
        #expect(
            xml(data.child("Calendar", "Recurrence")!)
                == "<calendar:Recurrence><calendar:Type>1</calendar:Type><calendar:Interval>2</calendar:Interval>"
                + "<calendar:Until>20270601T000000Z</calendar:Until><calendar:DayOfWeek>2</calendar:DayOfWeek>"
                + "<calendar:FirstDayOfWeek>1</calendar:FirstDayOfWeek></calendar:Recurrence>")
    }

    @Test func locationAndExceptionsDifferFrom16() {
        let old = Self.encode(Self.full, .v12_1)
        let new = Self.encode(Self.full, .v16_1)
        #expect(xml(old.child("Calendar", "Location")!) == "<calendar:Location>Room 4</calendar:Location>")
        #expect(!old.has("AirSyncBase", "Location"))
        #expect(
            xml(new.child("AirSyncBase", "Location")!)
                == "<airsyncbase:Location><airsyncbase:DisplayName>Room 4</airsyncbase:DisplayName></airsyncbase:Location>"
        )
        #expect(!new.has("Calendar", "Location"))
        #expect(old.child("Calendar", "UID")?.text == "uid-1" && new.child("Calendar", "UID")?.text == "uid-1")
        let oldException = old.child("Calendar", "Exceptions")?.elements.first
        let newException = new.child("Calendar", "Exceptions")?.elements.first
        #expect(
            xml(oldException!)
                == "<calendar:Exception><calendar:Deleted>1</calendar:Deleted>"
                + "<calendar:ExceptionStartTime>20261215T090000Z</calendar:ExceptionStartTime></calendar:Exception>")
        #expect(
            xml(newException!)
                == "<calendar:Exception><calendar:Deleted>1</calendar:Deleted>"
                + "<airsyncbase:InstanceId>2026-12-15T09:00:00.000Z</airsyncbase:InstanceId></calendar:Exception>")
        #expect(!(old.child("Calendar", "Recurrence")?.has("Calendar", "FirstDayOfWeek") ?? true))
    }

    @Test func instanceIDNamesTheOriginalStart() throws {
        let data = applicationData([
            element("Calendar", "StartTime", "20261201T090000Z"), element("Calendar", "EndTime", "20261201T100000Z"),
            element(
                "Calendar", "Exceptions",
                [
                    element(
                        "Calendar", "Exception",
                        [
                            element("AirSyncBase", "InstanceId", "2026-12-08T09:00:00.000Z"),
                            element("Calendar", "Deleted", "1"),
                        ])
                ]),
        ])
        guard case .event(let event) = try decode(data, as: .calendar, version: .v16_1) else {
            Issue.record("not an event")
            return
        }
        #expect(event.exceptions == [CalendarException(exceptionStartTime: date("20261208T090000Z"), deleted: true)])
    }

    @Test func deviceUIDIsTakenBefore16AndIgnoredFrom16() throws {
        let data = Self.encode(Self.minimal, .v16_1)
        guard case .event(let old) = try decode(data, as: .calendar, version: .v14_0),
            case .event(let new) = try decode(data, as: .calendar, version: .v16_0),
            case .event(let changed) = try decode(
                data.replacing("Calendar", "UID", with: element("Calendar", "UID", "device")), as: .calendar,
                replacing: .event(Self.full), version: .v16_1)
        else {
            Issue.record("not an event")
            return
        }
        #expect(old.uid == "uid-2")
        #expect(new.uid != "uid-2" && !new.uid.isEmpty)
        #expect(changed.uid == "uid-1")
    }

    /// MS-ASCAL 3.1.5.3: from 16.0 every top-level property left out of a Change is ghosted.
    @Test func changeLeavingPropertiesOutKeepsThemFrom16AndClearsThemBefore() throws {
        let change = applicationData([element("Calendar", "Subject", "Renamed")])
        guard case .event(let new) = try decode(change, as: .calendar, replacing: .event(Self.full), version: .v16_1),
            case .event(let old) = try decode(change, as: .calendar, replacing: .event(Self.full), version: .v14_1),
            case .event(let ghosted) = try decode(
                change, as: .calendar, replacing: .event(Self.full),
                supported: ["Calendar:Subject", "Calendar:Location"],
                version: .v14_1)
        else {
            Issue.record("not an event")
            return
        }
        var renamed = Self.full
        renamed.subject = "Renamed"
        #expect(new == renamed)
        #expect(old.subject == "Renamed" && old.location == nil && old.attendees.isEmpty && old.body == nil)
        #expect(old.startTime == Self.full.startTime, "a required property is never cleared")
        #expect(ghosted.location == nil && ghosted.attendees == Self.full.attendees && ghosted.body == Self.full.body)
    }

    @Test func addWithoutStartTimeIsRefused() {
        do {
            _ = try decode(applicationData([element("Calendar", "EndTime", "20261201T100000Z")]), as: .calendar)
            Issue.record("accepted an event without a start")
        } catch {
            #expect(error.code == .missingElement && error.element == "Calendar:StartTime")
        }
    }

    @Test(arguments: ["20261301T090000Z", "tomorrow", "2026-12-01T25:00:00.000Z"])
    func badDatesAreRefused(_ text: String) {
        let data = applicationData([
            element("Calendar", "StartTime", text), element("Calendar", "EndTime", "20261201T100000Z"),
        ])
        do {
            _ = try decode(data, as: .calendar)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.code == .badValue && error.element == "Calendar:StartTime")
        }
    }

    @Test func shortTimeZoneIsRefused() {
        let data = applicationData([
            element("Calendar", "Timezone", "AAAA"), element("Calendar", "StartTime", "20261201T090000Z"),
            element("Calendar", "EndTime", "20261201T100000Z"),
        ])
        #expect(throws: ApplicationDataError.self) { try decode(data, as: .calendar) }
    }
}
