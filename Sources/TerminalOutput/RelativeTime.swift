public import Foundation

/// "5 min ago" style times, for tables, the device list's wipe column, and "in 5 min" for
/// what is still to come (when a device locks).
public enum RelativeTime {
    public static func describe(_ date: Date, now: Date = Date()) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        guard seconds >= 0 else { return "in " + duration(-seconds) }
        return seconds < 60 ? "just now" : duration(seconds) + " ago"
    }

    /// A length of time in its largest whole unit: `45 s`, `5 min`, `2 h`, `3 days`.
    public static func duration(_ seconds: Int) -> String {
        switch seconds {
        case ..<60: "\(seconds) s"
        case ..<3600: "\(seconds / 60) min"
        case ..<86_400: "\(seconds / 3600) h"
        default: "\(seconds / 86_400) days"
        }
    }
}
