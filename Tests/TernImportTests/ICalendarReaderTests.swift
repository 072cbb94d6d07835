import ActiveSync
import Foundation
import TernStore
import Testing

@testable import TernImport

private func calendar(_ fixture: String, reader: ICalendarReader = ICalendarReader()) throws -> ImportBatch<
    ICalendarObject
> {
    reader.read(try Fixture.data(fixture))
}

private func event(_ uid: String, in fixture: String, reader: ICalendarReader = ICalendarReader()) throws
    -> CalendarItem
{
    let events = try calendar(fixture, reader: reader).events
    return try #require(events.first { $0.uid == uid })
}

private func zoneInformation(_ event: CalendarItem) throws -> TimeZoneInformation {
    let blob = try #require(event.timeZone)
    return try #require(TimeZoneInformation(decoding: blob))
}

private let berlinRules = (
    standard: TimeZoneInformation.SystemTime(month: 10, dayOfWeek: 0, day: 5, hour: 3),
    daylight: TimeZoneInformation.SystemTime(month: 3, dayOfWeek: 0, day: 5, hour: 2)
)

@Test func aUTCEventKeepsItsTimesAndDecodesItsText() throws {
    let batch = try calendar("utc-event.ics")
    #expect(batch.skipped.isEmpty)
    let call = try #require(batch.events.first)
    #expect(call.uid == "utc-1@example.com")
    #expect(call.startTime == utc(2025, 2, 20, 14, 30))
    #expect(call.endTime == utc(2025, 2, 20, 15, 30))
    #expect(call.allDayEvent == false)
    #expect(call.subject == "Call with Tokyo, London and NYC")
    #expect(call.body == "Line one\nLine two\\with backslash;semicolon")
    #expect(call.location == "https://meet.example.com/abc")
    #expect(call.categories == ["Work", "Calls", "Important"])
    #expect(call.sensitivity == 2)
    #expect(call.busyStatus == 0)
    #expect(call.meetingStatus == 0)
    #expect(call.dtStamp == utc(2025, 1, 1))
    #expect(call.timeZone == TimeZoneInformation.utc.encoded)
}

@Test func anEventWithoutUIDGetsOneAndWithoutEndLastsNoTime() throws {
    let events = try calendar("utc-event.ics").events
    try #require(events.count == 2)
    #expect(!events[1].uid.isEmpty)
    #expect(events[1].uid != events[0].uid)
    #expect(events[1].startTime == utc(2025, 2, 21, 9))
    #expect(events[1].endTime == events[1].startTime)
}

@Test(arguments: [
    ("berlin-winter@example.com", utc(2025, 3, 10, 8), utc(2025, 3, 10, 9, 30)),
    ("berlin-summer@example.com", utc(2025, 7, 15, 12), utc(2025, 7, 15, 13)),
])
func aBerlinTimeIsResolvedThroughTheFilesVTimeZone(uid: String, start: Date, end: Date) throws {
    let planning = try event(uid, in: "berlin-event.ics")
    #expect(planning.startTime == start)
    #expect(planning.endTime == end)
}

@Test func theBerlinTimeZoneBlobComesFromTheVTimeZoneRules() throws {
    let information = try zoneInformation(try event("berlin-winter@example.com", in: "berlin-event.ics"))
    #expect(
        information
            == TimeZoneInformation(
                bias: -60, standardName: "CET", standardDate: berlinRules.standard, standardBias: 0,
                daylightName: "CEST",
                daylightDate: berlinRules.daylight, daylightBias: -60))
}

@Test func anOutlookZoneNameIsResolvedThroughItsVTimeZone() throws {
    let review = try event("040000008200E00074C5B7101A82E00800000000D0A1B2C3", in: "meeting-attendees-alarm.ics")
    #expect(review.startTime == utc(2025, 6, 12, 8))
    #expect(review.endTime == utc(2025, 6, 12, 9))
    let information = try zoneInformation(review)
    #expect(information.bias == -60)
    #expect(information.daylightBias == -60)
    #expect(information.standardDate == berlinRules.standard)
    #expect(information.daylightDate == berlinRules.daylight)
    #expect(information.standardName == "W. Europe Standard Time")
}

@Test func aZoneTheFileDoesNotDefineIsTakenFromFoundation() throws {
    let tokyo = try event("tokyo@example.com", in: "foundation-zones.ics")
    #expect(tokyo.startTime == utc(2025, 4, 1, 0))
    let tokyoInformation = try zoneInformation(tokyo)
    #expect(tokyoInformation.bias == -540)
    #expect(tokyoInformation.standardDate == .none)
    #expect(tokyoInformation.daylightDate == .none)

    let newYork = try event("newyork@example.com", in: "foundation-zones.ics")
    #expect(newYork.startTime == utc(2025, 7, 4, 16))
    #expect(
        try zoneInformation(newYork)
            == TimeZoneInformation(
                bias: 300, standardName: "America/New_York",
                standardDate: .init(month: 11, dayOfWeek: 0, day: 1, hour: 2), daylightName: "America/New_York",
                daylightDate: .init(month: 3, dayOfWeek: 0, day: 2, hour: 2), daylightBias: -60))
}

@Test func anUnknownZoneIsReadAsFloatingWithOneWarning() throws {
    let batch = try calendar("foundation-zones.ics")
    let mars = try #require(batch.events.first { $0.uid == "mars@example.com" })
    #expect(mars.startTime == utc(2025, 4, 1, 9))
    #expect(batch.warnings.map(\.reason) == ["unknown TZID Mars/Olympus_Mons; its times are read as floating"])
}

@Test(arguments: [
    ("may-day@example.com", utc(2025, 4, 30, 22), utc(2025, 5, 1, 22)),
    ("xmas-eve@example.com", utc(2025, 12, 23, 23), utc(2025, 12, 24, 23)),
    ("holiday@example.com", utc(2025, 8, 3, 22), utc(2025, 8, 15, 22)),
])
func anAllDayEventRunsMidnightToMidnightInTheCalendarsZone(uid: String, start: Date, end: Date) throws {
    let day = try event(uid, in: "all-day.ics")
    #expect(day.allDayEvent)
    #expect(day.startTime == start)
    #expect(day.endTime == end)
    #expect(try zoneInformation(day).bias == -60)
}

@Test func aWeeklySeriesCarriesItsExdateAndOverridesAsExceptions() throws {
    let batch = try calendar("weekly-exdate-override.ics")
    let sync = try #require(batch.events.first)
    #expect(batch.events.count == 1)
    #expect(sync.startTime == utc(2025, 1, 7, 15))
    #expect(sync.endTime == utc(2025, 1, 7, 16))
    #expect(sync.reminder == 10)
    #expect(sync.dtStamp == utc(2025, 1, 2, 9))
    #expect(sync.recurrence == Recurrence(type: 1, interval: 1, occurrences: 10, dayOfWeek: 4 | 16, firstDayOfWeek: 1))
    #expect(
        sync.exceptions == [
            CalendarException(exceptionStartTime: utc(2025, 1, 14, 15), deleted: true),
            CalendarException(
                exceptionStartTime: utc(2025, 1, 16, 15), startTime: utc(2025, 1, 16, 16),
                endTime: utc(2025, 1, 16, 17),
                subject: "Team sync (moved)", location: "Room 42"),
            CalendarException(exceptionStartTime: utc(2025, 1, 21, 15), deleted: true),
        ])
    let information = try zoneInformation(sync)
    #expect(information.bias == 300)
    #expect(information.standardName == "EST")
    #expect(information.daylightDate == .init(month: 3, dayOfWeek: 0, day: 2, hour: 2))
    #expect(information.standardDate == .init(month: 11, dayOfWeek: 0, day: 1, hour: 2))
}

@Test func anOverrideWithoutItsSeriesIsSkipped() throws {
    let batch = try calendar("weekly-exdate-override.ics")
    #expect(
        batch.skipped.map(\.reason) == ["RECURRENCE-ID override of orphan@example.com without its series in the file"])
}

@Test(arguments: [
    (
        "last-friday@example.com",
        Recurrence(type: 3, until: utc(2025, 12, 31, 23, 59, 59), dayOfWeek: 32, weekOfMonth: 5)
    ),
    ("second-tuesday@example.com", Recurrence(type: 3, interval: 2, dayOfWeek: 4, weekOfMonth: 2)),
    ("last-weekday@example.com", Recurrence(type: 3, dayOfWeek: 62, weekOfMonth: 5)),
    ("rent@example.com", Recurrence(type: 2, occurrences: 12, dayOfMonth: 1)),
])
func monthlyRulesBecomeEASPatterns(uid: String, expected: Recurrence) throws {
    #expect(try event(uid, in: "monthly.ics").recurrence == expected)
}

@Test(arguments: [
    ("birthday@example.com", Recurrence(type: 5, dayOfMonth: 15, monthOfYear: 6)),
    ("thanksgiving@example.com", Recurrence(type: 6, dayOfWeek: 16, weekOfMonth: 4, monthOfYear: 11)),
])
func yearlyRulesBecomeEASPatterns(uid: String, expected: Recurrence) throws {
    #expect(try event(uid, in: "yearly.ics").recurrence == expected)
}

@Test(arguments: [
    (
        "monthly.ics",
        ImportSkip("RRULE FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1,2 refused: several BYSETPOS values", line: 34)
    ),
    (
        "yearly.ics",
        ImportSkip(
            "RRULE FREQ=YEARLY;BYDAY=20MO refused: yearly BYDAY without BYMONTH counts weekdays of the whole year",
            line: 20)
    ),
])
func aRuleWithoutAnEASFormSkipsTheEventWithTheReason(fixture: String, skip: ImportSkip) throws {
    #expect(try calendar(fixture).skipped == [skip])
}

@Test func aMeetingKeepsOrganizerAttendeesAlarmAndStatus() throws {
    let batch = try calendar("meeting-attendees-alarm.ics")
    let review = try #require(batch.events.first)
    #expect(review.subject == "Quarterly review")
    #expect(review.location == "Room Orion")
    #expect(review.body == "Agenda:\n1. Budget\n2. Hiring, maybe")
    #expect(review.organizerName == "Doe, Jane")
    #expect(review.organizerEmail == "jane@example.com")
    #expect(
        review.attendees == [
            Attendee(email: "bob@example.com", name: "Bob Builder", status: 3, type: 1),
            Attendee(email: "carol@example.com", name: "Carol, Ltd.", status: 2, type: 2),
            Attendee(email: "dave@example.com", name: "Dave", status: 4, type: 1),
            Attendee(email: "erin@example.com", name: "Erin", status: 5, type: 1),
            Attendee(email: "orion@example.com", name: "Room Orion", status: 5, type: 3),
        ])
    #expect(review.reminder == 15)
    #expect(review.busyStatus == 1)
    #expect(review.sensitivity == 3)
    #expect(review.meetingStatus == 1)
    #expect(review.dtStamp == utc(2025, 6, 1, 8))
    #expect(batch.warnings.map(\.line) == [27])
}

@Test(arguments: [([], 1), (["JANE@example.com"], 1), (["bob@example.com"], 3)] as [(Set<String>, Int)])
func meetingStatusSaysWhoOrganisedIt(owners: Set<String>, status: Int) throws {
    let events = try calendar("meeting-attendees-alarm.ics", reader: ICalendarReader(ownerAddresses: owners)).events
    let review = try #require(events.first)
    #expect(review.meetingStatus == status)
}

@Test func tasksCarryDueDatesPriorityCompletionReminderAndRecurrence() throws {
    let batch = try calendar("tasks.ics")
    #expect(batch.skipped.isEmpty)
    let tasks = batch.tasks
    try #require(tasks.count == 3)

    #expect(
        tasks[0]
            == TaskItem(
                subject: "File taxes", body: "Before the deadline.", importance: 2, dueDate: utc(2025, 5, 31),
                utcDueDate: utc(2025, 5, 31), sensitivity: 2, reminderTime: utc(2025, 5, 30, 7), categories: ["Finance"]
            ))

    #expect(
        tasks[1]
            == TaskItem(
                subject: "Water the plants", importance: 0, startDate: utc(2025, 3, 3, 8),
                utcStartDate: utc(2025, 3, 3, 7),
                dueDate: utc(2025, 3, 3, 9), utcDueDate: utc(2025, 3, 3, 8), reminderTime: utc(2025, 3, 3, 7, 30),
                recurrence: Recurrence(type: 1, until: utc(2025, 6, 30, 22), dayOfWeek: 2, start: utc(2025, 3, 3, 8))))

    #expect(
        tasks[2]
            == TaskItem(
                subject: "Book flights", dueDate: utc(2025, 2, 20, 17), utcDueDate: utc(2025, 2, 20, 17),
                complete: true,
                dateCompleted: utc(2025, 2, 15, 17, 30)))
}

@Test func taskDatesFollowTheDefaultZoneForDatesAndUTCTimes() throws {
    let reader = ICalendarReader(defaultTimeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
    let tasks = try calendar("tasks.ics", reader: reader).tasks
    try #require(tasks.count == 3)
    #expect(tasks[0].dueDate == utc(2025, 5, 31))
    #expect(tasks[0].utcDueDate == utc(2025, 5, 30, 22))
    #expect(tasks[2].dueDate == utc(2025, 2, 20, 18))
    #expect(tasks[2].utcDueDate == utc(2025, 2, 20, 17))
}

@Test(arguments: [0, 1, 2])
func garbageYieldsNothingButWarnings(seed: UInt64) throws {
    let input = seed == 0 ? try Fixture.data("garbage.ics") : Data(pseudoRandomBytes(count: 50_000, seed: seed))
    let batch = ICalendarReader().read(input)
    #expect(batch.items.isEmpty)
    #expect(batch.warningCount > 0)
}

@Test func anUnterminatedEventIsSkippedAndTheNextImported() throws {
    let text = """
        BEGIN:VCALENDAR
        BEGIN:VEVENT
        UID:first
        DTSTART:20250101T100000Z
        BEGIN:VEVENT
        UID:second
        DTSTART:20250102T100000Z
        END:VEVENT
        END:VCALENDAR
        """
    let batch = ICalendarReader().read(text)
    #expect(batch.skipped == [ImportSkip("BEGIN:VEVENT at line 5 before END:VEVENT", line: 2)])
    #expect(batch.events.map(\.uid) == ["second"])
}

@Test func anAlarmAfterTheStartIsNotAReminder() throws {
    let text = """
        BEGIN:VCALENDAR
        BEGIN:VEVENT
        UID:late
        DTSTART:20250101T100000Z
        DTEND:20250101T110000Z
        BEGIN:VALARM
        TRIGGER;RELATED=END:-PT10M
        END:VALARM
        BEGIN:VALARM
        TRIGGER;VALUE=DATE-TIME:20250101T093000Z
        END:VALARM
        END:VEVENT
        END:VCALENDAR
        """
    let batch = ICalendarReader().read(text)
    #expect(batch.events.first?.reminder == 30)
    #expect(batch.warnings.map(\.line) == [6])
}
