public import Foundation
import TernStore

/// Reads iCalendar files (RFC 5545) into events and tasks for `tern import ics`.
///
/// Each VEVENT becomes a `CalendarItem` (MS-ASCAL) and each VTODO a `TaskItem` (MS-ASTASK).
/// A VEVENT carrying RECURRENCE-ID is an override of one occurrence: it is merged into the
/// series with the same UID as a changed exception (a cancelled override as a deleted one),
/// and EXDATEs become deleted exceptions. Times with a TZID are resolved through the file's
/// VTIMEZONE, else as a Foundation zone identifier; the Calendar:TimeZone blob is built from
/// the same source for the year the event starts in. Floating times and all-day dates are
/// placed in the calendar's X-WR-TIMEZONE, else in `defaultTimeZone`.
///
/// Components that cannot be represented are skipped with a reason, never the file: an
/// RRULE without an EAS equivalent (see `RecurrenceRule.recurrence(start:until:)`), a
/// THISANDFUTURE override, an override without its series, a duplicate UID, a VEVENT without
/// a usable DTSTART, a component never ended. VJOURNAL and VFREEBUSY are not imported;
/// RDATE and EXRULE are left out of a series with a warning.
///
/// ```
/// BEGIN:VEVENT
/// UID:standup@example.com
/// DTSTART;TZID=Europe/Berlin:20250303T093000
/// DURATION:PT15M
/// RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR
/// SUMMARY:Stand-up
/// END:VEVENT
/// ```
public struct ICalendarReader: Sendable {
    public var limits: ImportLimits
    /// The zone of floating times and all-day dates when the file names none.
    public var defaultTimeZone: TimeZone
    /// The importing user's addresses, lower-cased. An event organised by one of them (or any
    /// meeting, when the set is empty) gets MeetingStatus 1; one organised by someone else 3.
    public var ownerAddresses: Set<String>

    public init(limits: ImportLimits = .default, defaultTimeZone: TimeZone = .gmt, ownerAddresses: Set<String> = []) {
        self.limits = limits
        self.defaultTimeZone = defaultTimeZone
        self.ownerAddresses = Set(ownerAddresses.map { $0.lowercased() })
    }

    public func read(_ data: Data) -> ImportBatch<ICalendarObject> {
        read(ContentDocument(data: data, limits: limits))
    }

    public func read(_ text: String) -> ImportBatch<ICalendarObject> {
        read(ContentDocument(text: text, limits: limits))
    }

    private func read(_ document: ContentDocument) -> ImportBatch<ICalendarObject> {
        var output = Output(warnings: document.warnings)
        var loose: [ContentComponent] = []
        var sawCalendar = false
        for component in document.components {
            switch component.name {
            case "VCALENDAR":
                sawCalendar = true
                if let problem = component.problem { output.warnings.add(problem) }
                read(calendar: component, into: &output)
            case "VEVENT", "VTODO", "VTIMEZONE":
                loose.append(component)
            default:
                output.warnings.add("BEGIN:\(component.name) outside a VCALENDAR skipped", line: component.line)
            }
        }
        if !loose.isEmpty {
            var implicit = ContentComponent(name: "VCALENDAR", line: loose[0].line)
            implicit.components = loose
            read(calendar: implicit, into: &output)
        } else if !sawCalendar {
            output.warnings.add("no BEGIN:VCALENDAR found", line: 0)
        }
        return ImportBatch(
            items: output.items, warnings: output.warnings.warnings, droppedWarningCount: output.warnings.dropped)
    }

    /// Everything read so far, across the file's calendars (UIDs are global to the file).
    private struct Output {
        var items: [Result<ICalendarObject, ImportSkip>] = []
        var events: [Int: ParsedEvent] = [:]
        var indexByUID: [String: Int] = [:]
        var warnings: WarningLog
    }

    private func read(calendar: ContentComponent, into output: inout Output) {
        var floating = EventTimeZone.system(defaultTimeZone)
        if let name = calendar.property("X-WR-TIMEZONE").flatMap({ nonEmpty($0.text) }) {
            if let zone = CalendarContext.systemZone(name) {
                floating = zone
            } else {
                output.warnings.add(
                    "unknown X-WR-TIMEZONE \(name) ignored", line: calendar.property("X-WR-TIMEZONE")?.line ?? 0)
            }
        }
        var context = CalendarContext(floating: floating, warnings: output.warnings)
        defer { output.warnings = context.warnings }
        for component in calendar.components where component.name == "VTIMEZONE" {
            do {
                let zone = try VTimeZone(component, warnings: &context.warnings)
                context.zones[zone.tzid] = zone
            } catch {
                context.warnings.add(error)
            }
        }
        var overrides: [ContentComponent] = []
        for component in calendar.components {
            switch component.name {
            case "VTIMEZONE":
                continue
            case "VEVENT" where component.problem == nil && component.property("RECURRENCE-ID") != nil:
                overrides.append(component)
            case "VEVENT":
                switch event(component, context: &context) {
                case .failure(let skip):
                    output.items.append(.failure(skip))
                case .success(let parsed):
                    if let first = output.indexByUID[parsed.item.uid] {
                        let firstLine = output.events[first]?.line ?? 0
                        output.items.append(
                            .failure(
                                ImportSkip(
                                    "duplicate UID \(parsed.item.uid) (first at line \(firstLine))", line: parsed.line))
                        )
                        continue
                    }
                    output.indexByUID[parsed.item.uid] = output.items.count
                    output.events[output.items.count] = parsed
                    output.items.append(.success(.event(parsed.item)))
                }
            case "VTODO":
                output.items.append(task(component, context: &context).map { .task($0) })
            case "VJOURNAL", "VFREEBUSY":
                context.warnings.add("\(component.name) is not imported", line: component.line)
            default:
                context.warnings.add("BEGIN:\(component.name) in VCALENDAR skipped", line: component.line)
            }
        }
        for component in overrides {
            if let skip = merge(override: component, into: &output, context: &context) {
                output.items.append(.failure(skip))
            }
        }
    }

    /// Folds one RECURRENCE-ID component into its series as an exception (MS-ASCAL 2.2.2.20):
    /// deleted when cancelled, otherwise with the properties that differ from the series.
    private func merge(override component: ContentComponent, into output: inout Output, context: inout CalendarContext)
        -> ImportSkip?
    {
        guard let idLine = component.property("RECURRENCE-ID"), let recurrenceID = ICalendarTime(idLine) else {
            return ImportSkip("unreadable RECURRENCE-ID", line: component.line)
        }
        guard let uid = component.property("UID").flatMap({ nonEmpty($0.text) }) else {
            return ImportSkip("RECURRENCE-ID override without UID", line: component.line)
        }
        guard let index = output.indexByUID[uid], var master = output.events[index] else {
            return ImportSkip("RECURRENCE-ID override of \(uid) without its series in the file", line: component.line)
        }
        guard idLine.parameter("RANGE")?.uppercased() != "THISANDFUTURE" else {
            return ImportSkip("RECURRENCE-ID;RANGE=THISANDFUTURE has no EAS form", line: idLine.line)
        }
        guard master.item.recurrence != nil else {
            return ImportSkip("RECURRENCE-ID override of \(uid), which does not recur", line: component.line)
        }
        let original = context.occurrence(
            recurrenceID, zone: master.zone, startLocal: master.startLocal, line: idLine.line)
        let changed: ParsedEvent
        switch event(component, context: &context, master: master) {
        case .failure(let skip): return skip
        case .success(let parsed): changed = parsed
        }
        var exception = CalendarException(exceptionStartTime: original)
        if component.property("STATUS")?.text.uppercased() == "CANCELLED" {
            exception.deleted = true
        } else {
            let series = master.item
            let item = changed.item
            exception.startTime = item.startTime
            exception.endTime = item.endTime
            if item.subject != series.subject { exception.subject = item.subject }
            if item.location != series.location { exception.location = item.location }
            if item.body != series.body { exception.body = item.body }
            if item.allDayEvent != series.allDayEvent { exception.allDayEvent = item.allDayEvent }
            if item.busyStatus != series.busyStatus { exception.busyStatus = item.busyStatus }
            if item.reminder != series.reminder { exception.reminder = item.reminder }
            if item.attendees != series.attendees { exception.attendees = item.attendees }
        }
        master.item.exceptions.removeAll { $0.exceptionStartTime == original }
        master.item.exceptions.append(exception)
        master.item.exceptions.sort { $0.exceptionStartTime < $1.exceptionStartTime }
        output.events[index] = master
        output.items[index] = .success(.event(master.item))
        return nil
    }
}
