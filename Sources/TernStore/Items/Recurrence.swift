public import Foundation

/// A recurrence pattern as EAS carries it (MS-ASCAL 2.2.2.38, MS-ASTASK 2.2.2.20).
///
/// `type`: 0 daily, 1 weekly, 2 monthly on a day, 3 monthly on the nth weekday,
/// 5 yearly on a day, 6 yearly on the nth weekday. `dayOfWeek` is a bit mask,
/// Sunday = 1 ... Saturday = 64.
public struct Recurrence: Hashable, Sendable, Codable {
    public var type: Int
    public var interval: Int
    public var until: Date?
    public var occurrences: Int?
    public var dayOfWeek: Int?
    public var dayOfMonth: Int?
    public var weekOfMonth: Int?
    public var monthOfYear: Int?
    /// 14.1+: the first day of the week, 0 Sunday ... 6 Saturday.
    public var firstDayOfWeek: Int?
    /// Tasks only: the next occurrence is computed from completion, not from the pattern.
    public var regenerate: Bool?
    /// Tasks only: whether the task has been completed for the last time.
    public var deadOccur: Bool?
    /// Tasks only: the start of the pattern.
    public var start: Date?

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
        self.regenerate = regenerate
        self.deadOccur = deadOccur
        self.start = start
    }
}
