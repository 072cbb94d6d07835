import ActiveSync
import Foundation
import TernStore

extension ICalendarReader {
    /// A task date in both EAS forms (MS-ASTASK StartDate/UtcStartDate, DueDate/UtcDueDate):
    /// the wall time (written as if UTC) and the instant.
    struct TaskDate {
        var local: LocalDateTime
        var utc: Date
        var zone: EventTimeZone
    }

    /// Maps one VTODO (RFC 5545 3.6.2) to a task.
    ///
    /// DTSTART and DUE give the start and due dates (DUE from DTSTART + DURATION when absent);
    /// STATUS:COMPLETED, a COMPLETED date or PERCENT-COMPLETE:100 mark it complete, COMPLETED
    /// (else DTSTAMP) being DateCompleted; PRIORITY 1–4 is high importance (2), 5 or none
    /// normal (1), 6–9 low (0) (RFC 5545 3.8.1.9); the first VALARM is the reminder; an RRULE
    /// becomes the recurrence, starting at DTSTART (else DUE) on the task's wall clock.
    func task(_ component: ContentComponent, context: inout CalendarContext) -> Result<TaskItem, ImportSkip> {
        if let problem = component.problem { return .failure(problem) }
        var task = TaskItem()
        task.subject = component.property("SUMMARY").flatMap { nonEmpty($0.text) }
        task.body = component.property("DESCRIPTION").flatMap { nonEmpty($0.text) }
        task.categories = Self.categories(component)
        task.sensitivity = Self.sensitivity(component)
        task.importance =
            switch component.property("PRIORITY").flatMap({ Int($0.text.trimmingCharacters(in: .whitespaces)) }) {
            case .some(1...4): 2
            case .some(6...9): 0
            default: 1
            }

        let start = taskDate(component.property("DTSTART"), context: &context)
        var due = taskDate(component.property("DUE"), context: &context)
        if due == nil, let start, let line = component.property("DURATION"), let duration = ICalendarDuration(line.text)
        {
            let local = start.local.adding(days: duration.days).adding(seconds: duration.seconds)
            due = TaskDate(local: local, utc: start.zone.date(for: local), zone: start.zone)
        }
        task.startDate = start?.local.dateAsUTC
        task.utcStartDate = start?.utc
        task.dueDate = due?.local.dateAsUTC
        task.utcDueDate = due?.utc

        let completedLine = component.property("COMPLETED")
        let percent = component.property("PERCENT-COMPLETE").flatMap {
            Int($0.text.trimmingCharacters(in: .whitespaces))
        }
        task.complete =
            component.property("STATUS")?.text.uppercased() == "COMPLETED" || completedLine != nil || percent == 100
        if task.complete {
            let stamp = completedLine ?? component.property("DTSTAMP")
            if let stamp, let time = ICalendarTime(stamp) {
                task.dateCompleted = context.instant(time, in: context.floating, line: stamp.line)
            }
        }

        for alarm in component.components("VALARM") {
            if let at = Self.alarmDate(alarm, start: start?.utc, end: due?.utc, warnings: &context.warnings) {
                task.reminderTime = at
                break
            }
        }

        if let ruleLine = component.property("RRULE") {
            guard let anchor = start ?? due else {
                context.warnings.add("RRULE on a VTODO without DTSTART or DUE ignored", line: ruleLine.line)
                return .success(task)
            }
            do {
                let rule = try RecurrenceRule(parsing: ruleLine.text)
                let until = try rule.until.map { text throws(RecurrenceRule.Refusal) in
                    guard let time = ICalendarTime(text: text, tzid: nil, valueType: nil) else {
                        throw RecurrenceRule.Refusal("bad UNTIL=\(text)")
                    }
                    return context.occurrence(time, zone: anchor.zone, startLocal: anchor.local, line: ruleLine.line)
                }
                var recurrence = try rule.recurrence(start: anchor.local, until: until)
                recurrence.start = anchor.local.dateAsUTC
                task.recurrence = recurrence
            } catch {
                return .failure(ImportSkip("RRULE \(ruleLine.text) refused: \(error.reason)", line: ruleLine.line))
            }
        }
        return .success(task)
    }

    /// A DATE is midnight on the floating clock; a TZID time is that zone's wall time; a UTC
    /// time shows on the floating clock as its local form.
    private func taskDate(_ line: ContentLine?, context: inout CalendarContext) -> TaskDate? {
        guard let line else { return nil }
        guard let time = ICalendarTime(line) else {
            context.warnings.add("\(line.name) \(line.text) is not a date or date-time; skipped", line: line.line)
            return nil
        }
        let zone = context.zone(of: time, line: line.line)
        switch time {
        case .date(let local), .local(let local, _):
            return TaskDate(local: local, utc: zone.date(for: local), zone: zone)
        case .utc(let date):
            return TaskDate(local: context.floating.local(for: date), utc: date, zone: context.floating)
        }
    }
}
