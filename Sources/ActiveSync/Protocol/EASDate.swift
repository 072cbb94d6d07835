public import Foundation

/// The two forms EAS writes a UTC date-time in (MS-ASDTYPE 2.3).
///
/// Email, Tasks, Flag and InstanceId use the extended form `2026-12-01T09:48:17.000Z`; Calendar
/// StartTime, EndTime, DtStamp, ExceptionStartTime and Recurrence Until use the compact form
/// `20261201T094817Z` (MS-ASCAL 2.2.2.42). Devices mix them up, so `parse` reads both.
public enum EASDate {
    /// Which of the two forms to write.
    public enum Style: Sendable {
        /// `2026-12-01T09:48:17.000Z`, with milliseconds.
        case extended
        /// `20261201T094817Z`, whole seconds.
        case compact
    }

    public static func format(_ date: Date, _ style: Style) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (seconds, millis) = floorDivision(milliseconds, 1000)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civil(fromDays: days)
        let hour = secondOfDay / 3600
        let minute = secondOfDay % 3600 / 60
        let second = secondOfDay % 60
        switch style {
        case .extended:
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):"
                + "\(pad(second, 2)).\(pad(millis, 3))Z"
        case .compact:
            return "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))T\(pad(hour, 2))\(pad(minute, 2))\(pad(second, 2))Z"
        }
    }

    /// Reads either form (the extended one with 0–7 fraction digits); nil for anything else,
    /// including impossible dates such as February 30.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var reader = DigitReader(bytes: bytes)
        let extended = bytes.count > 4 && bytes[4] == UInt8(ascii: "-")
        guard let year = reader.number(4), reader.skip("-", if: extended), let month = reader.number(2),
            reader.skip("-", if: extended), let day = reader.number(2), reader.skip("T", if: true),
            let hour = reader.number(2), reader.skip(":", if: extended), let minute = reader.number(2),
            reader.skip(":", if: extended), let second = reader.number(2)
        else { return nil }
        var millis: Int64 = 0
        if extended, reader.peek == UInt8(ascii: ".") {
            reader.index += 1
            var digits = 0
            while let digit = reader.number(1) {
                if digits < 3 { millis = millis * 10 + digit }
                digits += 1
            }
            guard (1...7).contains(digits) else { return nil }
            for _ in min(digits, 3)..<3 { millis *= 10 }
        }
        guard reader.skip("Z", if: true), reader.index == bytes.count else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60,
            second < 60
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds) + Double(millis) / 1000)
    }

    /// Quotient and non-negative remainder, so dates before 1970 format correctly.
    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date, counted in 400-year eras.
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysFromCivil`.
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private struct DigitReader {
        let bytes: [UInt8]
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func number(_ width: Int) -> Int64? {
            guard index + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[index..<(index + width)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            index += width
            return value
        }

        /// Skips `character` when `condition` holds and it is next; true when the input is as expected.
        mutating func skip(_ character: Unicode.Scalar, if condition: Bool) -> Bool {
            guard condition else { return true }
            guard peek == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }
    }
}
