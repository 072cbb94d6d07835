import ActiveSync
import Foundation
import TernStore

extension RecurrenceRule {
    /// The EAS pattern for this rule (MS-ASCAL 2.2.2.38 and MS-ASTASK 2.2.2.20 share it), or the
    /// reason it has none.
    ///
    /// | RRULE                                   | EAS                                          |
    /// |-----------------------------------------|----------------------------------------------|
    /// | DAILY [BYDAY=MO,…]                      | 0, DayOfWeek when BYDAY is given             |
    /// | WEEKLY [BYDAY=MO,WE]                    | 1, DayOfWeek (DTSTART's weekday by default)  |
    /// | MONTHLY [BYMONTHDAY=n]                  | 2, DayOfMonth (DTSTART's day by default)     |
    /// | MONTHLY BYMONTHDAY=-1                   | 3, WeekOfMonth 5, DayOfWeek 127 (last day)   |
    /// | MONTHLY BYDAY=2TU / -1FR                | 3, WeekOfMonth 2 / 5, DayOfWeek              |
    /// | MONTHLY BYDAY=MO,…,FR;BYSETPOS=-1       | 3, WeekOfMonth 5, DayOfWeek 62               |
    /// | YEARLY [BYMONTH=m;BYMONTHDAY=d]         | 5, MonthOfYear, DayOfMonth (DTSTART's)       |
    /// | YEARLY BYMONTH=3;BYDAY=-1SU             | 6, MonthOfYear, WeekOfMonth, DayOfWeek       |
    ///
    /// Refused, because EAS has no form that means the same: SECONDLY/MINUTELY/HOURLY; BYHOUR,
    /// BYMINUTE, BYSECOND, BYYEARDAY, BYWEEKNO; several BYMONTH or BYMONTHDAY values;
    /// BYMONTHDAY other than 1…31 or -1; an ordinal other than 1…4 or -1 (`5FR` is "fifth
    /// Friday", skipped in months without one; EAS 5 means "last"); several ordinal weekdays
    /// (`1MO,3MO`); weekdays without ordinal in a monthly or yearly rule unless one BYSETPOS
    /// of 1…4 or -1 picks among them; BYSETPOS with ordinals, with BYMONTHDAY, or with several
    /// values; BYMONTH in daily, weekly and monthly rules; yearly BYDAY without BYMONTH
    /// (RFC 5545 reads `YEARLY;BYDAY=20MO` as the 20th Monday of the year).
    func recurrence(start: LocalDateTime, until: Date?) throws(Refusal) -> Recurrence {
        if let part = unsupportedParts.first { throw Refusal("\(part) has no EAS equivalent") }
        guard interval <= 999 else { throw Refusal("INTERVAL=\(interval) exceeds the EAS maximum of 999") }
        var recurrence: Recurrence
        switch frequency {
        case .secondly, .minutely, .hourly:
            throw Refusal("FREQ=\(frequency.rawValue) has no EAS equivalent")
        case .daily:
            try refuse(byMonth: true, byMonthDay: true, bySetPos: true)
            recurrence = Recurrence(type: 0)
            if !byDay.isEmpty { recurrence.dayOfWeek = try plainWeekdayMask() }
        case .weekly:
            try refuse(byMonth: true, byMonthDay: true, bySetPos: true)
            recurrence = Recurrence(type: 1, dayOfWeek: byDay.isEmpty ? 1 << start.weekday : try plainWeekdayMask())
        case .monthly:
            try refuse(byMonth: true, byMonthDay: false, bySetPos: false)
            recurrence = try monthlyPattern(defaultDay: start.day)
        case .yearly:
            guard byMonth.count <= 1 else { throw Refusal("several BYMONTH values") }
            if !byDay.isEmpty, byMonth.isEmpty {
                throw Refusal("yearly BYDAY without BYMONTH counts weekdays of the whole year")
            }
            let monthly = try monthlyPattern(defaultDay: start.day)
            recurrence = Recurrence(
                type: monthly.type == 2 ? 5 : 6, dayOfWeek: monthly.dayOfWeek, dayOfMonth: monthly.dayOfMonth,
                weekOfMonth: monthly.weekOfMonth, monthOfYear: byMonth.first ?? start.month)
        }
        recurrence.interval = interval
        recurrence.occurrences = count
        recurrence.until = count == nil ? until : nil
        recurrence.firstDayOfWeek = weekStart
        return recurrence
    }

    /// Type 2 (day of month) or 3 (nth weekday) from BYMONTHDAY, BYDAY and BYSETPOS.
    private func monthlyPattern(defaultDay: Int) throws(Refusal) -> Recurrence {
        if !byMonthDay.isEmpty {
            guard byDay.isEmpty, bySetPos.isEmpty else { throw Refusal("BYMONTHDAY combined with BYDAY or BYSETPOS") }
            guard byMonthDay.count == 1 else { throw Refusal("several BYMONTHDAY values") }
            let day = byMonthDay[0]
            if day == -1 { return Recurrence(type: 3, dayOfWeek: 127, weekOfMonth: 5) }
            guard day >= 1 else { throw Refusal("BYMONTHDAY=\(day) counts from the month's end") }
            return Recurrence(type: 2, dayOfMonth: day)
        }
        guard !byDay.isEmpty else {
            guard bySetPos.isEmpty else { throw Refusal("BYSETPOS without BYDAY") }
            return Recurrence(type: 2, dayOfMonth: defaultDay)
        }
        if bySetPos.isEmpty {
            guard byDay.count == 1, let ordinal = byDay[0].ordinal else {
                throw Refusal(
                    byDay.count == 1
                        ? "every \(Self.weekdayNames[byDay[0].weekday]) of the month" : "several BYDAY entries")
            }
            return Recurrence(type: 3, dayOfWeek: 1 << byDay[0].weekday, weekOfMonth: try week(ordinal))
        }
        guard bySetPos.count == 1 else { throw Refusal("several BYSETPOS values") }
        guard byDay.allSatisfy({ $0.ordinal == nil }) else { throw Refusal("BYSETPOS with ordinal weekdays") }
        return Recurrence(type: 3, dayOfWeek: try plainWeekdayMask(), weekOfMonth: try week(bySetPos[0]))
    }

    /// WeekOfMonth 1…4, or 5 for the last (MS-ASCAL 2.2.2.48).
    private func week(_ ordinal: Int) throws(Refusal) -> Int {
        if ordinal == -1 { return 5 }
        guard (1...4).contains(ordinal) else { throw Refusal("position \(ordinal) in the month has no EAS form") }
        return ordinal
    }

    /// The DayOfWeek bit mask, Sunday 1 … Saturday 64 (MS-ASCAL 2.2.2.15).
    private func plainWeekdayMask() throws(Refusal) -> Int {
        guard byDay.allSatisfy({ $0.ordinal == nil }) else { throw Refusal("ordinal BYDAY in a daily or weekly rule") }
        return byDay.reduce(0) { $0 | 1 << $1.weekday }
    }

    private func refuse(byMonth refuseMonth: Bool, byMonthDay refuseMonthDay: Bool, bySetPos refuseSetPos: Bool)
        throws(Refusal)
    {
        if refuseMonth, !byMonth.isEmpty { throw Refusal("BYMONTH in a \(frequency.rawValue) rule") }
        if refuseMonthDay, !byMonthDay.isEmpty { throw Refusal("BYMONTHDAY in a \(frequency.rawValue) rule") }
        if refuseSetPos, !bySetPos.isEmpty { throw Refusal("BYSETPOS in a \(frequency.rawValue) rule") }
    }
}
