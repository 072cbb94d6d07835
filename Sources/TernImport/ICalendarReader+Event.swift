import ActiveSync
import Foundation
import TernStore

extension ICalendarReader {
    /// A VEVENT read into a `CalendarItem`, with what merging its overrides needs.
    struct ParsedEvent {
        var item: CalendarItem
        var zone: EventTimeZone
        /// DTSTART on the event's wall clock.
        var startLocal: LocalDateTime
        var line: Int
    }

    /// Maps one VEVENT (RFC 5545 3.6.1). With `master`, the component is an override: it may
    /// leave out DTSTART (its RECURRENCE-ID is the start) and DTEND (the series' duration is
    /// kept), and its RRULE and EXDATEs are not read.
    func event(_ component: ContentComponent, context: inout CalendarContext, master: ParsedEvent? = nil)
        -> Result<ParsedEvent, ImportSkip>
    {
        if let problem = component.problem { return .failure(problem) }
        let startLine = component.property("DTSTART") ?? (master != nil ? component.property("RECURRENCE-ID") : nil)
        guard let startLine else { return .failure(ImportSkip("VEVENT without DTSTART", line: component.line)) }
        guard let startTime = ICalendarTime(startLine) else {
            return .failure(ImportSkip("DTSTART \(startLine.text) is not a date or date-time", line: startLine.line))
        }
        let zone = context.zone(of: startTime, line: startLine.line)
        let startLocal: LocalDateTime =
            switch startTime {
            case .date(let day): day
            case .local(let wall, _): wall
            case .utc(let date): zone.local(for: date)
            }
        let start = context.instant(startTime, in: zone, line: startLine.line)
        var allDay = startTime.isDate

        var end: Date
        if let endLine = component.property("DTEND") {
            guard let endTime = ICalendarTime(endLine) else {
                return .failure(ImportSkip("DTEND \(endLine.text) is not a date or date-time", line: endLine.line))
            }
            if allDay {
                let endDay: LocalDateTime =
                    switch endTime {
                    case .date(let day): day
                    case .local(let wall, _): wall.startOfDay
                    case .utc(let date): zone.local(for: date).startOfDay
                    }
                end = zone.date(for: endDay)
            } else {
                end = context.instant(endTime, in: zone, line: endLine.line)
            }
        } else if let durationLine = component.property("DURATION"), let duration = ICalendarDuration(durationLine.text)
        {
            end = zone.date(for: startLocal.adding(days: duration.days)).addingTimeInterval(
                TimeInterval(duration.seconds))
        } else if let master {
            end = start.addingTimeInterval(master.item.endTime.timeIntervalSince(master.item.startTime))
        } else {
            // RFC 5545 3.6.1: a DATE start lasts one day, a DATE-TIME start no time at all.
            end = allDay ? zone.date(for: startLocal.adding(days: 1)) : start
        }
        if end < start || (allDay && end == start) {
            context.warnings.add("VEVENT ends before it starts; end set to the start", line: component.line)
            end = allDay ? zone.date(for: startLocal.adding(days: 1)) : start
        }
        if !allDay, component.property("X-MICROSOFT-CDO-ALLDAYEVENT")?.text.uppercased() == "TRUE",
            startLocal.secondsIntoDay == 0, zone.local(for: end).secondsIntoDay == 0, end > start
        {
            allDay = true
        }

        let uid = component.property("UID").flatMap { nonEmpty($0.text) } ?? UUID().uuidString
        var item = CalendarItem(startTime: start, endTime: end, allDayEvent: allDay, uid: uid)
        item.timeZone = zone.information(year: startLocal.year).encoded
        item.subject = component.property("SUMMARY").flatMap { nonEmpty($0.text) }
        item.location = component.property("LOCATION").flatMap { nonEmpty($0.text) }
        item.body = component.property("DESCRIPTION").flatMap { nonEmpty($0.text) }
        if let stampLine = component.property("DTSTAMP"), let stamp = ICalendarTime(stampLine) {
            item.dtStamp = context.instant(stamp, in: .utc, line: stampLine.line)
        }
        if let organizer = component.property("ORGANIZER") {
            item.organizerEmail = Self.mailAddress(organizer)
            item.organizerName = organizer.parameter("CN").flatMap(nonEmpty)
        }
        for line in component.properties("ATTENDEE") {
            guard let attendee = Self.attendee(line) else {
                context.warnings.add("ATTENDEE \(line.text) has no email address; skipped", line: line.line)
                continue
            }
            item.attendees.append(attendee)
        }
        item.categories = Self.categories(component)
        item.sensitivity = Self.sensitivity(component)
        item.busyStatus = Self.busyStatus(component)
        item.reminder = reminderMinutes(component, start: start, end: end, warnings: &context.warnings)
        item.meetingStatus = meetingStatus(
            item, cancelled: component.property("STATUS")?.text.uppercased() == "CANCELLED")

        if master == nil {
            let rules = component.properties("RRULE")
            guard rules.count <= 1 else {
                return .failure(ImportSkip("VEVENT with \(rules.count) RRULEs has no EAS form", line: rules[1].line))
            }
            if let ruleLine = rules.first {
                do {
                    let rule = try RecurrenceRule(parsing: ruleLine.text)
                    let until = try rule.until.map { text throws(RecurrenceRule.Refusal) in
                        guard let time = ICalendarTime(text: text, tzid: nil, valueType: nil) else {
                            throw RecurrenceRule.Refusal("bad UNTIL=\(text)")
                        }
                        return context.occurrence(time, zone: zone, startLocal: startLocal, line: ruleLine.line)
                    }
                    item.recurrence = try rule.recurrence(start: startLocal, until: until)
                } catch {
                    return .failure(ImportSkip("RRULE \(ruleLine.text) refused: \(error.reason)", line: ruleLine.line))
                }
            }
            for line in component.properties("EXDATE") {
                guard item.recurrence != nil else {
                    context.warnings.add("EXDATE on an event that does not recur ignored", line: line.line)
                    break
                }
                for time in ICalendarTime.list(line) {
                    let original = context.occurrence(time, zone: zone, startLocal: startLocal, line: line.line)
                    if !item.exceptions.contains(where: { $0.exceptionStartTime == original }) {
                        item.exceptions.append(CalendarException(exceptionStartTime: original, deleted: true))
                    }
                }
            }
            item.exceptions.sort { $0.exceptionStartTime < $1.exceptionStartTime }
            for name in ["RDATE", "EXRULE"] {
                if let line = component.property(name) {
                    context.warnings.add("\(name) has no EAS form; left out of the series", line: line.line)
                }
            }
        }
        return .success(ParsedEvent(item: item, zone: zone, startLocal: startLocal, line: component.line))
    }

    // MARK: Properties

    /// The address of a `mailto:` CAL-ADDRESS (RFC 5545 3.3.3), or of the EMAIL parameter
    /// (RFC 7986 6.2) when the value is another kind of URI.
    static func mailAddress(_ line: ContentLine) -> String? {
        let value = line.text.trimmingCharacters(in: .whitespaces)
        let address = value.prefix(7).lowercased() == "mailto:" ? String(value.dropFirst(7)) : value
        if address.contains("@"), !address.contains(":") { return address }
        return line.parameter("EMAIL").flatMap(nonEmpty)
    }

    /// ATTENDEE (RFC 5545 3.8.4.1) → MS-ASCAL 2.2.2.3: PARTSTAT (3.2.12, default NEEDS-ACTION)
    /// to AttendeeStatus 2 tentative, 3 accept, 4 decline, 5 not responded, 0 otherwise;
    /// CUTYPE RESOURCE or ROOM to AttendeeType 3, else ROLE OPT- or NON-PARTICIPANT to 2, else 1.
    static func attendee(_ line: ContentLine) -> Attendee? {
        guard let email = mailAddress(line) else { return nil }
        let status: Int =
            switch line.parameter("PARTSTAT")?.uppercased() ?? "NEEDS-ACTION" {
            case "ACCEPTED": 3
            case "DECLINED": 4
            case "TENTATIVE": 2
            case "NEEDS-ACTION": 5
            default: 0
            }
        let type: Int =
            if ["RESOURCE", "ROOM"].contains(line.parameter("CUTYPE")?.uppercased() ?? "") {
                3
            } else if ["OPT-PARTICIPANT", "NON-PARTICIPANT"].contains(line.parameter("ROLE")?.uppercased() ?? "") {
                2
            } else {
                1
            }
        return Attendee(email: email, name: line.parameter("CN").flatMap(nonEmpty), status: status, type: type)
    }

    static func categories(_ component: ContentComponent) -> [String] {
        var result: [String] = []
        for line in component.properties("CATEGORIES") {
            for category in line.listValues.compactMap(nonEmpty) where !result.contains(category) {
                result.append(category)
            }
        }
        return result
    }

    /// CLASS (RFC 5545 3.8.1.3) → Sensitivity: PUBLIC 0, PRIVATE 2, CONFIDENTIAL 3. Values the
    /// reader does not know are treated as PRIVATE, as 3.8.1.3 requires.
    static func sensitivity(_ component: ContentComponent) -> Int {
        switch component.property("CLASS")?.text.trimmingCharacters(in: .whitespaces).uppercased() {
        case nil, "PUBLIC": 0
        case "CONFIDENTIAL": 3
        default: 2
        }
    }

    /// X-MICROSOFT-CDO-BUSYSTATUS (FREE, TENTATIVE, BUSY, OOF, WORKINGELSEWHERE) when present,
    /// else TRANSP (RFC 5545 3.8.2.7): TRANSPARENT is free (0), OPAQUE busy (2).
    static func busyStatus(_ component: ContentComponent) -> Int {
        switch component.property("X-MICROSOFT-CDO-BUSYSTATUS")?.text.uppercased() {
        case "FREE": return 0
        case "TENTATIVE": return 1
        case "BUSY": return 2
        case "OOF": return 3
        case "WORKINGELSEWHERE": return 4
        default: break
        }
        return component.property("TRANSP")?.text.uppercased() == "TRANSPARENT" ? 0 : 2
    }

    /// MS-ASCAL MeetingStatus: 0 without organizer and attendees; 1 when the importing user
    /// organises it, 3 when someone else does; plus 4 when it is cancelled (5, 7).
    private func meetingStatus(_ item: CalendarItem, cancelled: Bool) -> Int {
        guard item.organizerEmail != nil || !item.attendees.isEmpty else { return 0 }
        let mine =
            ownerAddresses.isEmpty
            || item.organizerEmail.map { email in ownerAddresses.contains { $0.lowercased() == email.lowercased() } }
                ?? true
        return (mine ? 1 : 3) + (cancelled ? 4 : 0)
    }

    /// Minutes before the start of the first VALARM whose TRIGGER (RFC 5545 3.8.6.3) falls at
    /// or before it: a duration relative to the start (or to the end with RELATED=END), or an
    /// absolute DATE-TIME. An alarm after the start has no EAS form and is skipped.
    func reminderMinutes(_ component: ContentComponent, start: Date, end: Date, warnings: inout WarningLog) -> Int? {
        for alarm in component.components("VALARM") {
            guard let at = Self.alarmDate(alarm, start: start, end: end, warnings: &warnings) else { continue }
            let lead = start.timeIntervalSince(at)
            guard lead >= 0 else {
                warnings.add("VALARM after the event's start has no EAS reminder form; skipped", line: alarm.line)
                continue
            }
            return Int(lead / 60)
        }
        return nil
    }

    /// When an alarm fires; `start` and `end` are the instants its TRIGGER is relative to.
    static func alarmDate(_ alarm: ContentComponent, start: Date?, end: Date?, warnings: inout WarningLog) -> Date? {
        if let problem = alarm.problem {
            warnings.add(problem)
            return nil
        }
        guard let trigger = alarm.property("TRIGGER") else {
            warnings.add("VALARM without TRIGGER skipped", line: alarm.line)
            return nil
        }
        if trigger.parameter("VALUE")?.uppercased() != "DURATION", let time = ICalendarTime(trigger) {
            switch time {
            case .utc(let date): return date
            case .date(let local), .local(let local, _): return local.dateAsUTC
            }
        }
        guard let duration = ICalendarDuration(trigger.text) else {
            warnings.add("VALARM TRIGGER \(trigger.text) unreadable; skipped", line: trigger.line)
            return nil
        }
        let relatedToEnd = trigger.parameter("RELATED")?.uppercased() == "END"
        guard let anchor = relatedToEnd ? (end ?? start) : (start ?? end) else {
            warnings.add("VALARM relative to a start or end the component lacks; skipped", line: trigger.line)
            return nil
        }
        return anchor.addingTimeInterval(TimeInterval(duration.totalSeconds))
    }
}
