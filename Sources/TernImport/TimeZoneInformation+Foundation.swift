import Foundation

extension TimeZoneInformation {
    /// The rules a Foundation zone follows in `year`, read from its two daylight-saving
    /// transitions in that year; a zone with no transitions that year gets its offset only.
    init(timeZone: TimeZone, year: Int) {
        let name = timeZone.identifier
        guard let yearStart = LocalDateTime(year: year, month: 1, day: 1)?.dateAsUTC.addingTimeInterval(-86_400),
            let yearEnd = LocalDateTime(year: min(year + 1, 9999), month: 1, day: 1)?.dateAsUTC,
            let first = timeZone.nextDaylightSavingTimeTransition(after: yearStart), first < yearEnd,
            let second = timeZone.nextDaylightSavingTimeTransition(after: first), second < yearEnd
        else {
            let reference = LocalDateTime(year: year, month: 1, day: 15)?.dateAsUTC ?? Date(timeIntervalSince1970: 0)
            self.init(
                bias: Int32(-timeZone.secondsFromGMT(for: reference) / 60), standardName: name, daylightName: name)
            return
        }
        let (daylightStart, daylightEnd) = timeZone.isDaylightSavingTime(for: first) ? (first, second) : (second, first)
        let standardOffset = timeZone.secondsFromGMT(for: daylightEnd)
        let daylightOffset = timeZone.secondsFromGMT(for: daylightStart)
        let startWall = LocalDateTime(utc: daylightStart.addingTimeInterval(TimeInterval(standardOffset)))
        let endWall = LocalDateTime(utc: daylightEnd.addingTimeInterval(TimeInterval(daylightOffset)))
        self.init(
            bias: Int32(-standardOffset / 60), standardName: name, standardDate: .yearly(at: endWall), standardBias: 0,
            daylightName: name, daylightDate: .yearly(at: startWall),
            daylightBias: Int32(-(daylightOffset - standardOffset) / 60))
    }
}
