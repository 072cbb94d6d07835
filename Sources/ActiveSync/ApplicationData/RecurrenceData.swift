public import Foundation
import WBXML

/// `<calendar:Recurrence>` (MS-ASCAL 2.2.2.39) and `<tasks:Recurrence>` (MS-ASTASK 2.2.2.20):
/// the same pattern in two namespaces. Calendar writes Until in the compact form; Tasks adds
/// Start, Regenerate and DeadOccur and writes dates in the extended form. FirstDayOfWeek is 14.1+.
///
/// ```xml
/// <calendar:Recurrence>
///   <calendar:Type>1</calendar:Type>
///   <calendar:Interval>1</calendar:Interval>
///   <calendar:Occurrences>10</calendar:Occurrences>
///   <calendar:DayOfWeek>2</calendar:DayOfWeek>
/// </calendar:Recurrence>
/// ```
///
/// The store keeps a pattern in this same form (`Recurrence` in TernStore).
public struct RecurrenceData: Hashable, Sendable, Codable {
    /// 0 daily, 1 weekly, 2 monthly, 3 monthly on the nth day, 5 yearly, 6 yearly on the nth day.
    public var type: Int
    /// 1 unless the device says otherwise.
    public var interval: Int
    public var until: Date?
    public var occurrences: Int?
    public var dayOfWeek: Int?
    public var dayOfMonth: Int?
    public var weekOfMonth: Int?
    public var monthOfYear: Int?
    public var firstDayOfWeek: Int?
    /// Tasks only: the start of the pattern, and its regenerating and dead-occurrence flags.
    public var start: Date?
    public var regenerate: Bool?
    public var deadOccur: Bool?

    public init(
        type: Int, interval: Int = 1, until: Date? = nil, occurrences: Int? = nil, dayOfWeek: Int? = nil,
        dayOfMonth: Int? = nil, weekOfMonth: Int? = nil, monthOfYear: Int? = nil, firstDayOfWeek: Int? = nil,
        regenerate: Bool? = nil, deadOccur: Bool? = nil, start: Date? = nil
    ) {
        self.type = type
        self.interval = interval
        self.until = until
        self.occurrences = occurrences
        self.dayOfWeek = dayOfWeek
        self.dayOfMonth = dayOfMonth
        self.weekOfMonth = weekOfMonth
        self.monthOfYear = monthOfYear
        self.firstDayOfWeek = firstDayOfWeek
        self.start = start
        self.regenerate = regenerate
        self.deadOccur = deadOccur
    }

    /// Which class the pattern belongs to: its namespace and how it writes dates.
    enum Owner {
        case calendar, task
    }

    private struct Tags {
        let recurrence, type, interval, until, occurrences, dayOfWeek, dayOfMonth, weekOfMonth, monthOfYear,
            firstDayOfWeek: WBXMLTag

        init(_ owner: Owner) {
            switch owner {
            case .calendar:
                (recurrence, type, interval, until, occurrences) = (
                    CalendarTag.recurrence, CalendarTag.type, CalendarTag.interval, CalendarTag.until,
                    CalendarTag.occurrences
                )
                (dayOfWeek, dayOfMonth, weekOfMonth, monthOfYear, firstDayOfWeek) = (
                    CalendarTag.dayOfWeek, CalendarTag.dayOfMonth, CalendarTag.weekOfMonth, CalendarTag.monthOfYear,
                    CalendarTag.firstDayOfWeek
                )
            case .task:
                (recurrence, type, interval, until, occurrences) = (
                    TasksTag.recurrence, TasksTag.type, TasksTag.interval, TasksTag.until, TasksTag.occurrences
                )
                (dayOfWeek, dayOfMonth, weekOfMonth, monthOfYear, firstDayOfWeek) = (
                    TasksTag.dayOfWeek, TasksTag.dayOfMonth, TasksTag.weekOfMonth, TasksTag.monthOfYear,
                    TasksTag.firstDayOfWeek
                )
            }
        }
    }

    func element(for owner: Owner, version: ProtocolVersion) -> WBXMLElement {
        let tags = Tags(owner)
        var list = ElementList()
        list.append(tags.type, type)
        if owner == .task { list.append(TasksTag.start, start, .extended) }
        list.append(tags.interval, interval)
        list.append(tags.until, until, owner == .calendar ? .compact : .extended)
        list.append(tags.occurrences, occurrences)
        list.append(tags.dayOfWeek, dayOfWeek)
        list.append(tags.dayOfMonth, dayOfMonth)
        list.append(tags.weekOfMonth, weekOfMonth)
        list.append(tags.monthOfYear, monthOfYear)
        if owner == .task {
            list.append(TasksTag.regenerate, regenerate)
            list.append(TasksTag.deadOccur, deadOccur)
        }
        if version >= .v14_1 { list.append(tags.firstDayOfWeek, firstDayOfWeek) }
        return list.element(tags.recurrence)
    }

    /// The pattern in `data`'s Recurrence child; nil when there is none.
    static func decode(in data: WBXMLElement, for owner: Owner) throws(ApplicationDataError) -> RecurrenceData? {
        let tags = Tags(owner)
        guard let element = data.firstElement(tags.recurrence) else { return nil }
        guard let type = try element.int(tags.type, in: 0...6) else { throw .missing(tags.type.description) }
        var recurrence = RecurrenceData(
            type: type, interval: try element.int(tags.interval, in: 1...999) ?? 1,
            until: try element.date(tags.until),
            occurrences: try element.int(tags.occurrences, in: 1...999),
            dayOfWeek: try element.int(tags.dayOfWeek, in: 0...127),
            dayOfMonth: try element.int(tags.dayOfMonth, in: 1...31),
            weekOfMonth: try element.int(tags.weekOfMonth, in: 1...5),
            monthOfYear: try element.int(tags.monthOfYear, in: 1...12),
            firstDayOfWeek: try element.int(tags.firstDayOfWeek, in: 0...6))
        if owner == .task {
            recurrence.start = try element.date(TasksTag.start)
            recurrence.regenerate = try element.bool(TasksTag.regenerate)
            recurrence.deadOccur = try element.bool(TasksTag.deadOccur)
        }
        return recurrence
    }
}
