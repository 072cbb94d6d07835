public import TernStore

/// One importable object of an iCalendar file: a VEVENT (with its RECURRENCE-ID overrides
/// merged in) or a VTODO.
public enum ICalendarObject: Hashable, Sendable {
    case event(CalendarItem)
    case task(TaskItem)
}

extension ImportBatch where Item == ICalendarObject {
    /// The imported events.
    public var events: [CalendarItem] {
        imported.compactMap { if case .event(let event) = $0 { event } else { nil } }
    }

    /// The imported tasks.
    public var tasks: [TaskItem] {
        imported.compactMap { if case .task(let task) = $0 { task } else { nil } }
    }
}
