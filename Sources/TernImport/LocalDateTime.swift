import Foundation

/// A wall-clock date and time with no zone attached: an iCalendar "floating" or TZID-local
/// DATE-TIME (RFC 5545 3.3.5, forms 1 and 3) before its zone is applied, or a DATE at
/// midnight.
///
/// Kept as seconds since 1970-01-01T00:00:00 on the same wall clock, so that comparing and
/// adding whole days is plain arithmetic; `dateAsUTC` is the same wall time read as UTC, which
/// is also how EAS writes the local forms of task dates (MS-ASTASK StartDate, DueDate).
struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    let secondsSinceEpoch: Int64
    let year: Int
    let month: Int
    let day: Int
    let hour: Int
    let minute: Int
    let second: Int
    /// 0 Sunday … 6 Saturday, the numbering of SYSTEMTIME wDayOfWeek and of MS-ASCAL
    /// FirstDayOfWeek.
    let weekday: Int

    init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(year: year, month: month)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            let date = Self.calendar.date(
                from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
        else { return nil }
        // Leap second 60 is folded into the next minute, as RFC 5545 3.3.12 permits.
        self.init(secondsSinceEpoch: Int64(date.timeIntervalSince1970.rounded()) + Int64(second))
    }

    init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
        let components = Self.calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second, .weekday],
            from: Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)))
        year = components.year ?? 1970
        month = components.month ?? 1
        day = components.day ?? 1
        hour = components.hour ?? 0
        minute = components.minute ?? 0
        second = components.second ?? 0
        weekday = (components.weekday ?? 1) - 1
    }

    /// The wall time an instant shows in UTC.
    init(utc date: Date) {
        self.init(secondsSinceEpoch: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// This wall time read as if it were UTC.
    var dateAsUTC: Date { Date(timeIntervalSince1970: TimeInterval(secondsSinceEpoch)) }

    var secondsIntoDay: Int { Int(secondsSinceEpoch - startOfDay.secondsSinceEpoch) }
    var startOfDay: LocalDateTime {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        return LocalDateTime(secondsSinceEpoch: days * 86_400)
    }

    func adding(seconds: Int) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: secondsSinceEpoch + Int64(seconds))
    }

    func adding(days: Int) -> LocalDateTime { adding(seconds: days * 86_400) }

    static func == (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool { lhs.secondsSinceEpoch == rhs.secondsSinceEpoch }

    func hash(into hasher: inout Hasher) { hasher.combine(secondsSinceEpoch) }

    static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))"
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The day of the `ordinal`th `weekday` (0 Sunday) of a month; ordinal -1 (or 5, the
    /// SYSTEMTIME convention) is the last one.
    static func day(ofWeekday weekday: Int, ordinal: Int, year: Int, month: Int) -> Int? {
        guard let first = LocalDateTime(year: year, month: month, day: 1) else { return nil }
        let firstMatch = 1 + (weekday - first.weekday + 7) % 7
        let length = daysInMonth(year: year, month: month)
        if ordinal == -1 || ordinal == 5 {
            return firstMatch + ((length - firstMatch) / 7) * 7
        }
        guard (1...4).contains(ordinal) else { return nil }
        return firstMatch + (ordinal - 1) * 7
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()
}
