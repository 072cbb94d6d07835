import Foundation

/// A DURATION value (RFC 5545 3.3.6): `-PT15M`, `P1D`, `P2W`, `P1DT12H`.
///
/// Weeks and days are nominal (a day is a calendar day, 23 or 25 hours across a DST change);
/// hours, minutes and seconds are exact. Both are kept apart so that DTEND = DTSTART +
/// DURATION follows RFC 5545 3.8.2.5.
struct ICalendarDuration: Hashable, Sendable {
    /// Signed nominal days (weeks × 7 + days).
    var days: Int
    /// Signed exact seconds.
    var seconds: Int

    var totalSeconds: Int { days * 86_400 + seconds }

    init(days: Int = 0, seconds: Int = 0) {
        self.days = days
        self.seconds = seconds
    }

    init?(_ text: String) {
        var characters = Substring(text.trimmingCharacters(in: .whitespaces).uppercased())
        var sign = 1
        if characters.first == "-" || characters.first == "+" {
            if characters.first == "-" { sign = -1 }
            characters = characters.dropFirst()
        }
        guard characters.first == "P" else { return nil }
        characters = characters.dropFirst()
        var days = 0
        var seconds = 0
        var inTime = false
        var number = ""
        var sawComponent = false
        var sawTimeComponent = false
        for character in characters {
            if character.isASCIIDigit {
                number.append(character)
                continue
            }
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            // Nine digits bound every product below to well inside Int.
            guard number.count <= 9, let value = Int(number) else { return nil }
            number = ""
            sawComponent = true
            sawTimeComponent = sawTimeComponent || inTime
            switch (inTime, character) {
            case (false, "W"): days += value * 7
            case (false, "D"): days += value
            case (true, "H"): seconds += value * 3600
            case (true, "M"): seconds += value * 60
            case (true, "S"): seconds += value
            default: return nil
            }
        }
        guard number.isEmpty, sawComponent, !inTime || sawTimeComponent else { return nil }
        self.days = sign * days
        self.seconds = sign * seconds
    }
}
