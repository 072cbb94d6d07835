import Foundation

/// The zone an event's or task's times are read in: UTC, a zone the file defines in a
/// VTIMEZONE, or a Foundation (IANA) zone.
enum EventTimeZone: Sendable {
    case utc
    case defined(VTimeZone)
    case system(TimeZone)

    /// The instant of a wall time here. A wall time skipped by a DST change is moved forward
    /// by the change, as RFC 5545 3.3.5 asks.
    func date(for local: LocalDateTime) -> Date {
        switch self {
        case .utc:
            return local.dateAsUTC
        case .defined(let zone):
            return zone.date(for: local)
        case .system(let zone):
            // The offset a day before, then the offset at that guess: a wall time that
            // round-trips is taken (the first of two in a repeated hour); one that doesn't lies
            // in a gap and keeps the offset from before the gap.
            let naive = local.dateAsUTC
            let before = naive.addingTimeInterval(
                TimeInterval(-zone.secondsFromGMT(for: naive.addingTimeInterval(-86_400))))
            let corrected = naive.addingTimeInterval(TimeInterval(-zone.secondsFromGMT(for: before)))
            let roundTrips = corrected.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: corrected))) == naive
            return roundTrips ? corrected : before
        }
    }

    /// The wall time an instant shows here.
    func local(for date: Date) -> LocalDateTime {
        switch self {
        case .utc: LocalDateTime(utc: date)
        case .defined(let zone): zone.local(for: date)
        case .system(let zone):
            LocalDateTime(utc: date.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: date))))
        }
    }

    /// The EAS TimeZone structure for `year` (MS-ASDTYPE 2.7.6).
    func information(year: Int) -> TimeZoneInformation {
        switch self {
        case .utc: .utc
        case .defined(let zone): zone.information(year: year)
        case .system(let zone): TimeZoneInformation(timeZone: zone, year: year)
        }
    }
}
