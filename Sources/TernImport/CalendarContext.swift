import Foundation

/// What reading one VCALENDAR needs besides the component at hand: the zones the file
/// defines, the zone for floating times and dates, and the warnings so far.
struct CalendarContext {
    /// The file's VTIMEZONEs by TZID.
    var zones: [String: VTimeZone] = [:]
    /// Where floating times and all-day dates are placed: the calendar's X-WR-TIMEZONE if it
    /// names a known zone, else the reader's default.
    var floating: EventTimeZone
    var warnings: WarningLog
    private var reportedZones: Set<String> = []

    init(floating: EventTimeZone, warnings: WarningLog) {
        self.floating = floating
        self.warnings = warnings
    }

    /// A TZID through the file's VTIMEZONE first (the producer's own definition), then as a
    /// Foundation identifier, then by its last path segments (`/mozilla.org/…/Europe/Berlin`,
    /// RFC 5545 3.2.19 globally unique form). An unknown TZID falls back to the floating zone
    /// with one warning per name.
    mutating func zone(tzid: String, line: Int) -> EventTimeZone {
        if let defined = zones[tzid] { return .defined(defined) }
        if let known = Self.systemZone(tzid) { return known }
        if reportedZones.insert(tzid).inserted {
            warnings.add("unknown TZID \(tzid); its times are read as floating", line: line)
        }
        return floating
    }

    static func systemZone(_ tzid: String) -> EventTimeZone? {
        if ["UTC", "GMT", "Z", "ETC/UTC", "ETC/GMT"].contains(tzid.uppercased()) { return .utc }
        if let zone = TimeZone(identifier: tzid) { return .system(zone) }
        let segments = tzid.split(separator: "/")
        for count in [3, 2] where segments.count > count {
            if let zone = TimeZone(identifier: segments.suffix(count).joined(separator: "/")) { return .system(zone) }
        }
        return nil
    }

    /// The zone a value is written in: UTC, its TZID's, or floating for floating times and dates.
    mutating func zone(of time: ICalendarTime, line: Int) -> EventTimeZone {
        switch time {
        case .utc: .utc
        case .date, .local(_, nil): floating
        case .local(_, .some(let tzid)): zone(tzid: tzid, line: line)
        }
    }

    /// The instant of a value; dates and floating times are placed in `zone`.
    mutating func instant(_ time: ICalendarTime, in zone: EventTimeZone, line: Int) -> Date {
        switch time {
        case .utc(let date): date
        case .date(let local), .local(let local, nil): zone.date(for: local)
        case .local(let local, .some(let tzid)): self.zone(tzid: tzid, line: line).date(for: local)
        }
    }

    /// The instant of the occurrence a RECURRENCE-ID or EXDATE names: a DATE means the
    /// occurrence on that day at the series' time of day (RFC 5545 3.8.4.4, 3.8.5.1).
    mutating func occurrence(_ time: ICalendarTime, zone: EventTimeZone, startLocal: LocalDateTime, line: Int) -> Date {
        if case .date(let day) = time {
            return zone.date(for: day.adding(seconds: startLocal.secondsIntoDay))
        }
        return instant(time, in: zone, line: line)
    }
}
