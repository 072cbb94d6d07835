import Foundation

/// A DATE or DATE-TIME value before its zone is applied (RFC 5545 3.3.4, 3.3.5).
///
/// ```
/// DTSTART;VALUE=DATE:20250310                    date
/// DTSTART:20250310T090000Z                       UTC (form 2)
/// DTSTART:20250310T090000                        floating (form 1)
/// DTSTART;TZID=Europe/Berlin:20250310T090000     local in a zone (form 3)
/// ```
///
/// Tolerated beyond the grammar: lower-case `t`/`z` and ISO 8601 dashes and colons
/// (`2025-03-10T09:00:00Z`). A TZID on a UTC value is ignored, as RFC 5545 3.2.19 requires.
enum ICalendarTime: Hashable, Sendable {
    case date(LocalDateTime)
    case utc(Date)
    case local(LocalDateTime, tzid: String?)

    init?(_ line: ContentLine) {
        self.init(text: line.text, tzid: line.parameter("TZID"), valueType: line.parameter("VALUE"))
    }

    init?(text: String, tzid: String?, valueType: String?) {
        let value = text.filter { $0 != "-" && $0 != ":" && $0 != " " }.uppercased()
        let digits = value.prefix(8)
        guard digits.count == 8, digits.allSatisfy(\.isASCIIDigit),
            let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
            let day = Int(digits.suffix(2))
        else { return nil }
        let rest = value.dropFirst(8)
        if rest.isEmpty || valueType?.uppercased() == "DATE" {
            guard let date = LocalDateTime(year: year, month: month, day: day) else { return nil }
            self = .date(date)
            return
        }
        guard rest.hasPrefix("T") else { return nil }
        var time = rest.dropFirst()
        let isUTC = time.hasSuffix("Z")
        if isUTC { time = time.dropLast() }
        guard time.count == 6, time.allSatisfy(\.isASCIIDigit), let hour = Int(time.prefix(2)),
            let minute = Int(time.dropFirst(2).prefix(2)), let second = Int(time.suffix(2)),
            let wall = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        if isUTC {
            self = .utc(wall.dateAsUTC)
        } else {
            let zone = tzid.flatMap(nonEmpty)
            self = .local(wall, tzid: zone)
        }
    }

    /// The comma-separated values of EXDATE or RDATE (RFC 5545 3.8.5.1); unreadable ones are dropped.
    static func list(_ line: ContentLine) -> [ICalendarTime] {
        line.text.split(separator: ",").compactMap {
            ICalendarTime(text: String($0), tzid: line.parameter("TZID"), valueType: line.parameter("VALUE"))
        }
    }

    var isDate: Bool {
        if case .date = self { true } else { false }
    }
}
