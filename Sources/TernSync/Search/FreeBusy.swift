import ActiveSync
import Foundation
import TernStore

/// A calendar's MergedFreeBusy over a window (MS-ASCMD 2.2.3.113): one digit per 30 minutes,
/// 0 free, 1 tentative, 2 busy, 3 out of office; where events overlap the higher digit wins.
///
/// Recurring events are expanded by day, week, month (on a day) and year (on a day), with
/// their exceptions; the nth-weekday patterns (types 3 and 6) count only their first
/// occurrence. Days are counted in UTC.
enum FreeBusy {
    static let slot: TimeInterval = 1_800

    static func merged(_ events: [CalendarItem], in window: DateInterval) -> String {
        let count = Int((window.duration / slot).rounded(.up))
        var digits = [Int](repeating: 0, count: count)
        for event in events where event.meetingStatus & 4 == 0 {
            for occurrence in occurrences(of: event, in: window) {
                let digit = occurrence.busyStatus
                guard (1...3).contains(digit) else { continue }
                let first = max(Int((occurrence.start.timeIntervalSince(window.start) / slot).rounded(.down)), 0)
                let last = min(Int((occurrence.end.timeIntervalSince(window.start) / slot).rounded(.up)), count)
                guard first < last else { continue }
                for index in first..<last { digits[index] = max(digits[index], digit) }
            }
        }
        return digits.map(String.init).joined()
    }

    struct Occurrence {
        let start: Date
        let end: Date
        let busyStatus: Int
    }

    /// The event's occurrences that overlap `window`, exceptions applied.
    static func occurrences(of event: CalendarItem, in window: DateInterval) -> [Occurrence] {
        let duration = event.endTime.timeIntervalSince(event.startTime)
        let starts =
            event.recurrence.map { recurringStarts($0, from: event.startTime, before: window.end) }
            ?? [event.startTime]
        return starts.compactMap { start in
            let exception = event.exceptions.first { $0.exceptionStartTime == start }
            guard exception?.deleted != true else { return nil }
            let begins = exception?.startTime ?? start
            let ends = exception?.endTime ?? begins.addingTimeInterval(duration)
            guard begins < window.end, ends > window.start else { return nil }
            return Occurrence(start: begins, end: ends, busyStatus: exception?.busyStatus ?? event.busyStatus)
        }
    }

    /// The starts of a series from `first` until `end`, its Until or its number of Occurrences.
    private static func recurringStarts(_ rule: Recurrence, from first: Date, before end: Date) -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let interval = max(rule.interval, 1)
        let limit = min(rule.until ?? .distantFuture, end)
        let maxCount = rule.occurrences ?? Int.max
        var starts: [Date] = []
        var step = 0
        // At most ten years of days: a bound on the walk whatever the rule says.
        while step < 3_660, starts.count < maxCount {
            let candidate: Date?
            switch rule.type {
            case 0 where rule.dayOfWeek == nil:
                candidate = calendar.date(byAdding: .day, value: step * interval, to: first)
            case 0, 1:
                candidate = calendar.date(byAdding: .day, value: step, to: first).flatMap { day in
                    let weeks = (calendar.dateComponents([.day], from: first, to: day).day ?? 0) / 7
                    let weekday = calendar.component(.weekday, from: day)
                    let mask = rule.dayOfWeek ?? (1 << (calendar.component(.weekday, from: first) - 1))
                    let inWeek = rule.type == 0 || weeks % interval == 0
                    return inWeek && mask & (1 << (weekday - 1)) != 0 ? day : nil
                }
            case 2: candidate = calendar.date(byAdding: .month, value: step * interval, to: first)
            case 5: candidate = calendar.date(byAdding: .year, value: step * interval, to: first)
            default: candidate = step == 0 ? first : nil
            }
            step += 1
            guard let candidate else {
                if rule.type > 1 { break }
                continue
            }
            guard candidate <= limit else { break }
            starts.append(candidate)
        }
        return starts
    }
}
