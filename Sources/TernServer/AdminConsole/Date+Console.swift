import Foundation

extension Date {
    /// The instant as the console shows it: `2026-12-07 15:40:02Z`, in UTC, to the second.
    var consoleText: String {
        formatted(Date.ISO8601FormatStyle(dateTimeSeparator: .space, timeZone: .gmt))
    }
}
