public import Foundation

/// The two date forms of EAS (MS-ASDTYPE 2.3): `2026-12-01T09:48:17.000Z` (most elements) and
/// the compact `20261201T094817Z` (Calendar and Tasks times), both always UTC.
public enum EASDate {
    /// The extended form with milliseconds.
    public static func extended(_ date: Date) -> String {
        let (civil, milliseconds) = parts(date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", civil.year ?? 0, civil.month ?? 0, civil.day ?? 0,
            civil.hour ?? 0, civil.minute ?? 0, civil.second ?? 0, milliseconds)
    }

    /// The compact form, to the second.
    public static func compact(_ date: Date) -> String {
        let (civil, _) = parts(date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", civil.year ?? 0, civil.month ?? 0, civil.day ?? 0,
            civil.hour ?? 0, civil.minute ?? 0, civil.second ?? 0)
    }

    /// Parses either form (milliseconds optional in the extended one); nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ index: Int, is character: Character) -> Bool { index < bytes.count && bytes[index] == character.asciiValue }
        var components = DateComponents(calendar: calendar, timeZone: calendar.timeZone)
        var milliseconds = 0
        if bytes.count == 16, byte(8, is: "T"), byte(15, is: "Z") {
            components.year = number(0..<4); components.month = number(4..<6); components.day = number(6..<8)
            components.hour = number(9..<11); components.minute = number(11..<13); components.second = number(13..<15)
        } else if bytes.count == 20 || bytes.count == 24, byte(4, is: "-"), byte(7, is: "-"), byte(10, is: "T"),
            byte(13, is: ":"), byte(16, is: ":"), byte(bytes.count - 1, is: "Z")
        {
            components.year = number(0..<4); components.month = number(5..<7); components.day = number(8..<10)
            components.hour = number(11..<13); components.minute = number(14..<16); components.second = number(17..<19)
            if bytes.count == 24 {
                guard byte(19, is: "."), let fraction = number(20..<23) else { return nil }
                milliseconds = fraction
            }
        } else {
            return nil
        }
        guard let month = components.month, (1...12).contains(month), let day = components.day, (1...31).contains(day),
            let hour = components.hour, hour < 24, let minute = components.minute, minute < 60,
            let second = components.second, second < 61, components.year != nil, components.isValidDate(in: calendar),
            let date = components.date
        else { return nil }
        return date.addingTimeInterval(Double(milliseconds) / 1000)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }()

    private static func parts(_ date: Date) -> (DateComponents, Int) {
        let whole = date.timeIntervalSince1970.rounded(.down)
        let milliseconds = Int(((date.timeIntervalSince1970 - whole) * 1000).rounded(.down))
        let civil = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: whole))
        return (civil, min(milliseconds, 999))
    }
}
