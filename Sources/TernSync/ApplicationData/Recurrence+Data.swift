import ActiveSync
import TernStore

/// A stored recurrence pattern and its typed form on the wire carry the same fields.
extension RecurrenceData {
    init(_ recurrence: Recurrence) {
        self.init(
            type: recurrence.type, interval: recurrence.interval, until: recurrence.until,
            occurrences: recurrence.occurrences, dayOfWeek: recurrence.dayOfWeek, dayOfMonth: recurrence.dayOfMonth,
            weekOfMonth: recurrence.weekOfMonth, monthOfYear: recurrence.monthOfYear,
            firstDayOfWeek: recurrence.firstDayOfWeek, start: recurrence.start, regenerate: recurrence.regenerate,
            deadOccur: recurrence.deadOccur)
    }
}

extension Recurrence {
    init(_ data: RecurrenceData) {
        self.init(
            type: data.type, interval: data.interval, until: data.until, occurrences: data.occurrences,
            dayOfWeek: data.dayOfWeek, dayOfMonth: data.dayOfMonth, weekOfMonth: data.weekOfMonth,
            monthOfYear: data.monthOfYear, firstDayOfWeek: data.firstDayOfWeek, regenerate: data.regenerate,
            deadOccur: data.deadOccur, start: data.start)
    }
}
