import Foundation

/// An RRULE value (RFC 5545 3.3.10), parsed but not yet mapped to EAS:
///
/// ```
/// RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR;UNTIL=20251231T230000Z
/// ```
///
/// UNTIL is kept as text, because whether it is a date, a floating or a UTC time decides which
/// zone applies, and only the caller knows the event's zone.
struct RecurrenceRule: Hashable, Sendable {
    enum Frequency: String, Sendable {
        case secondly = "SECONDLY"
        case minutely = "MINUTELY"
        case hourly = "HOURLY"
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// A BYDAY entry: `2TU` is ordinal 2, weekday 2; `FR` has no ordinal. Weekdays are
    /// 0 Sunday … 6 Saturday.
    struct WeekdayNumber: Hashable, Sendable {
        var ordinal: Int?
        var weekday: Int
    }

    /// Why a rule was refused, for the skip's reason.
    struct Refusal: Error, Hashable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    var frequency: Frequency
    var interval = 1
    var count: Int?
    var until: String?
    var byDay: [WeekdayNumber] = []
    var byMonthDay: [Int] = []
    var byMonth: [Int] = []
    var bySetPos: [Int] = []
    var weekStart: Int?
    /// BYSECOND, BYMINUTE, BYHOUR, BYYEARDAY, BYWEEKNO when present: none has an EAS form.
    var unsupportedParts: [String] = []

    static let weekdayNames = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]

    init(frequency: Frequency) {
        self.frequency = frequency
    }

    init(parsing text: String) throws(Refusal) {
        var frequency: Frequency?
        var rule = RecurrenceRule(frequency: .daily)
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { throw Refusal("malformed part \(part)") }
            let key = pair[0].trimmingCharacters(in: .whitespaces).uppercased()
            let value = pair[1].trimmingCharacters(in: .whitespaces).uppercased()
            switch key {
            case "FREQ":
                guard let parsed = Frequency(rawValue: value) else { throw Refusal("unknown FREQ=\(value)") }
                frequency = parsed
            case "INTERVAL":
                guard let interval = Int(value), interval >= 1 else { throw Refusal("bad INTERVAL=\(value)") }
                rule.interval = interval
            case "COUNT":
                guard let count = Int(value), count >= 1 else { throw Refusal("bad COUNT=\(value)") }
                rule.count = count
            case "UNTIL": rule.until = value
            case "BYDAY": rule.byDay = try Self.weekdayNumbers(value)
            case "BYMONTHDAY": rule.byMonthDay = try Self.integers(value, key, in: -31...31)
            case "BYMONTH": rule.byMonth = try Self.integers(value, key, in: 1...12)
            case "BYSETPOS": rule.bySetPos = try Self.integers(value, key, in: -366...366)
            case "WKST":
                guard let day = Self.weekdayNames.firstIndex(of: value) else { throw Refusal("bad WKST=\(value)") }
                rule.weekStart = day
            case "BYSECOND", "BYMINUTE", "BYHOUR", "BYYEARDAY", "BYWEEKNO": rule.unsupportedParts.append(key)
            default: break  // x-name parts (RFC 5545 3.3.10 allows them); nothing in EAS uses them
            }
        }
        guard let frequency else { throw Refusal("no FREQ") }
        rule.frequency = frequency
        self = rule
    }

    private static func weekdayNumbers(_ value: String) throws(Refusal) -> [WeekdayNumber] {
        var result: [WeekdayNumber] = []
        for entry in value.split(separator: ",") {
            let name = String(entry.suffix(2))
            guard let weekday = weekdayNames.firstIndex(of: name) else { throw Refusal("bad BYDAY entry \(entry)") }
            let prefix = entry.dropLast(2)
            if prefix.isEmpty {
                result.append(WeekdayNumber(ordinal: nil, weekday: weekday))
            } else {
                guard let ordinal = Int(prefix.hasPrefix("+") ? prefix.dropFirst() : prefix), ordinal != 0,
                    (-53...53).contains(ordinal)
                else { throw Refusal("bad BYDAY entry \(entry)") }
                result.append(WeekdayNumber(ordinal: ordinal, weekday: weekday))
            }
        }
        return result
    }

    private static func integers(_ value: String, _ key: String, in range: ClosedRange<Int>) throws(Refusal) -> [Int] {
        var result: [Int] = []
        for entry in value.split(separator: ",") {
            guard let number = Int(entry.hasPrefix("+") ? entry.dropFirst() : entry), number != 0,
                range.contains(number)
            else { throw Refusal("bad \(key) entry \(entry)") }
            result.append(number)
        }
        return result
    }
}
