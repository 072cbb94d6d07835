public import Foundation

/// Reads the Date field (RFC 5322 section 3.3) and the dates of Received fields.
///
/// `[day-of-week ","] day month year hour ":" minute [":" second] zone`, plus what section 4.3
/// still allows and mailers still send: two- and three-digit years, the named zones (UT, GMT,
/// EST to PDT; military and unknown names are read as +0000, as section 4.3 asks), comments
/// such as `(CET)`, and missing seconds or zone (read as UTC). The asctime order
/// (`Mon Jan  5 10:00:00 2024`) and full month names are accepted too. Impossible dates
/// (31 April, hour 25) give nil.
///
/// ```
/// Date: Tue, 5 Mar 2024 14:03:00 +0100
/// ```
public enum MessageDate {
    /// `date` as a Date field writes it, in UTC: `Tue, 01 Dec 2026 09:48:00 +0000`.
    public static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// The instant a date-time names, or nil when it can't be read.
    public static func parse(_ text: String) -> Date? {
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        var offset: Int?
        for token in tokens(text) {
            if token.contains(":") {
                guard time == nil else { continue }
                let fields = token.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
                guard fields.count == 2 || fields.count == 3, let hour = fields[0], let minute = fields[1] else {
                    return nil
                }
                time = (hour, minute, fields.count == 3 ? (fields[2] ?? 0) : 0)
            } else if let first = token.first, first == "+" || first == "-", token.count == 5,
                let value = Int(token.dropFirst())
            {
                if offset == nil { offset = (value / 100 * 60 + value % 100) * 60 * (first == "-" ? -1 : 1) }
                guard value % 100 < 60 else { return nil }
            } else if let number = Int(token) {
                if day == nil, token.count <= 2, year == nil || month != nil {
                    day = number
                } else if year == nil {
                    year = fullYear(number, digits: token.count)
                }
            } else if let value = monthNumber(token) {
                if month == nil { month = value }
            } else if let zone = namedZones[token.uppercased()] {
                if offset == nil { offset = zone * 3600 }
            }
        }
        guard let day, let month, let year, (1000...9999).contains(year), let time else { return nil }
        guard day >= 1, day <= daysIn(month: month, year: year), (0...23).contains(time.hour),
            (0...59).contains(time.minute),
            (0...60).contains(time.second)
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = ((days * 24 + time.hour) * 60 + time.minute) * 60 + min(time.second, 59) - (offset ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Section 4.3: a two-digit year below 50 is 20xx, other two- and three-digit years add 1900.
    private static func fullYear(_ number: Int, digits: Int) -> Int {
        switch digits {
        case 2: number < 50 ? 2000 + number : 1900 + number
        case 3: 1900 + number
        default: number
        }
    }

    /// Whitespace- and comma-separated tokens, comments removed.
    private static func tokens(_ text: String) -> [Substring] {
        var cleaned = ""
        var depth = 0
        for character in text {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                cleaned.append(character == "," ? " " : character)
            }
        }
        return cleaned.split { $0.isWhitespace }
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    private static func monthNumber(_ token: Substring) -> Int? {
        let name = token.lowercased()
        guard name.count >= 3, name.allSatisfy(\.isLetter) else { return nil }
        return monthNames.firstIndex { name.hasPrefix($0) }.map { $0 + 1 }
    }

    /// Hours from UTC: RFC 5322 section 4.3; single letters (military) are +0000.
    private static let namedZones: [String: Int] = {
        var zones = [
            "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
            "MDT": -6, "PST": -8, "PDT": -7,
        ]
        for letter in "ABCDEFGHIKLMNOPQRSTUVWXY" where zones[String(letter)] == nil { zones[String(letter)] = 0 }
        return zones
    }()

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 4, 6, 9, 11: 30
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 1...12: 31
        default: 0
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (the civil-from-days method).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
