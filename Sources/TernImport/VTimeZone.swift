import Foundation

/// A VTIMEZONE component (RFC 5545 3.6.5): the file's own definition of a TZID, as a list of
/// STANDARD and DAYLIGHT observances, each starting at DTSTART (local time in TZOFFSETFROM)
/// and recurring by a yearly RRULE or on listed RDATEs.
///
/// ```
/// BEGIN:VTIMEZONE
/// TZID:Europe/Berlin
/// BEGIN:DAYLIGHT
/// TZOFFSETFROM:+0100
/// TZOFFSETTO:+0200
/// DTSTART:19700329T020000
/// RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
/// END:DAYLIGHT
/// BEGIN:STANDARD
/// TZOFFSETFROM:+0200
/// TZOFFSETTO:+0100
/// DTSTART:19701025T030000
/// RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
/// END:STANDARD
/// END:VTIMEZONE
/// ```
///
/// Yearly rules are understood in the forms time zone data uses: `BYMONTH=m;BYDAY=nWD`,
/// `BYMONTH=m;BYDAY=WD;BYMONTHDAY=8,9,…,14` (the older US form of "second Sunday") and
/// `BYMONTH=m;BYMONTHDAY=d`. An observance with any other rule counts only at its DTSTART and
/// RDATEs, with a warning.
struct VTimeZone: Sendable {
    let tzid: String
    let observances: [Observance]

    struct Observance: Sendable {
        var isDaylight: Bool
        /// The first onset, on the wall clock of `offsetFrom`.
        var start: LocalDateTime
        /// Seconds east of UTC.
        var offsetFrom: Int
        var offsetTo: Int
        var name: String?
        var rule: YearlyRule?
        var dates: [LocalDateTime] = []
    }

    struct YearlyRule: Sendable {
        var month: Int
        /// `BYDAY=-1SU`: weekday 0, ordinal -1.
        var weekday: Int?
        var ordinal: Int?
        var monthDays: [Int]
        var until: Date?
        var lastYear: Int?
    }

    init(_ component: ContentComponent, warnings: inout WarningLog) throws(ImportSkip) {
        guard let tzid = component.property("TZID").flatMap({ nonEmpty($0.text) }) else {
            throw ImportSkip("VTIMEZONE without TZID", line: component.line)
        }
        var observances: [Observance] = []
        for part in component.components where part.name == "STANDARD" || part.name == "DAYLIGHT" {
            guard let startLine = part.property("DTSTART"), let start = ICalendarTime(startLine),
                let offsetTo = part.property("TZOFFSETTO").flatMap({ Self.offset($0.text) })
            else {
                warnings.add(
                    "\(part.name) of \(tzid) without a readable DTSTART or TZOFFSETTO ignored", line: part.line)
                continue
            }
            let offsetFrom = part.property("TZOFFSETFROM").flatMap { Self.offset($0.text) } ?? offsetTo
            let wall: LocalDateTime =
                switch start {
                case .date(let date): date
                case .local(let local, _): local
                case .utc(let date): LocalDateTime(utc: date.addingTimeInterval(TimeInterval(offsetFrom)))
                }
            var observance = Observance(
                isDaylight: part.name == "DAYLIGHT", start: wall, offsetFrom: offsetFrom, offsetTo: offsetTo,
                name: part.property("TZNAME").flatMap { nonEmpty($0.text) })
            if let ruleLine = part.property("RRULE") {
                observance.rule = Self.yearlyRule(ruleLine, start: wall, offsetFrom: offsetFrom)
                if observance.rule == nil {
                    warnings.add(
                        "RRULE \(ruleLine.text) of \(tzid) not understood; only its DTSTART used", line: ruleLine.line)
                }
            }
            for line in part.properties("RDATE") {
                for time in ICalendarTime.list(line) {
                    switch time {
                    case .date(let date), .local(let date, _): observance.dates.append(date)
                    case .utc(let date): observance.dates.append(LocalDateTime(utc: date + TimeInterval(offsetFrom)))
                    }
                }
            }
            observances.append(observance)
        }
        guard !observances.isEmpty else {
            throw ImportSkip("VTIMEZONE \(tzid) has no STANDARD or DAYLIGHT", line: component.line)
        }
        self.tzid = tzid
        self.observances = observances
    }

    // MARK: Conversions

    /// The UTC instant of a wall time in this zone.
    func date(for local: LocalDateTime) -> Date {
        local.dateAsUTC.addingTimeInterval(TimeInterval(-offset(atLocal: local)))
    }

    /// The wall time this zone shows at an instant.
    func local(for date: Date) -> LocalDateTime {
        let utc = LocalDateTime(utc: date)
        return utc.adding(seconds: offset(atUTC: utc))
    }

    /// The offset in force at a wall time: that of the observance with the latest onset not
    /// after it, or before every onset the first observance's TZOFFSETFROM. A wall time in the
    /// gap a forward change leaves keeps the offset from before the gap (RFC 5545 3.3.5).
    func offset(atLocal local: LocalDateTime) -> Int {
        guard let (onset, observance) = latest(aroundYear: local.year, { onset, _ in onset <= local }) else {
            return earliest.offsetFrom
        }
        let gap = observance.offsetTo - observance.offsetFrom
        return gap > 0 && local < onset.adding(seconds: gap) ? observance.offsetFrom : observance.offsetTo
    }

    private func offset(atUTC utc: LocalDateTime) -> Int {
        latest(aroundYear: utc.year) { onset, observance in onset.adding(seconds: -observance.offsetFrom) <= utc }?
            .observance.offsetTo
            ?? earliest.offsetFrom
    }

    private var earliest: Observance {
        observances.min { $0.start < $1.start } ?? observances[0]
    }

    /// The observance whose latest onset satisfying `isPast` is the latest of all.
    private func latest(
        aroundYear year: Int, _ isPast: (LocalDateTime, Observance) -> Bool
    ) -> (onset: LocalDateTime, observance: Observance)? {
        var best: (onset: LocalDateTime, observance: Observance)?
        for observance in observances {
            guard let onset = latestOnset(of: observance, aroundYear: year, isPast) else { continue }
            if best == nil || onset > (best?.onset ?? onset) { best = (onset, observance) }
        }
        return best
    }

    private func latestOnset(
        of observance: Observance, aroundYear: Int, _ isPast: (LocalDateTime, Observance) -> Bool
    ) -> LocalDateTime? {
        var candidates = ([observance.start] + observance.dates).filter { isPast($0, observance) }
        if observance.rule != nil {
            // Walk back from the year after the one asked about (offsets can move an onset
            // across New Year) towards DTSTART; a rule that ended long ago stops the walk at 500.
            var year = min(9999, aroundYear + 1)
            var steps = 0
            while year >= observance.start.year, steps < 500 {
                if let onset = onsets(of: observance, year: year).filter({ isPast($0, observance) }).max() {
                    candidates.append(onset)
                    break
                }
                year -= 1
                steps += 1
            }
        }
        return candidates.max()
    }

    /// The onsets of an observance in one year, on the wall clock of its TZOFFSETFROM.
    func onsets(of observance: Observance, year: Int) -> [LocalDateTime] {
        var result = ([observance.start] + observance.dates).filter { $0.year == year }
        if let rule = observance.rule, year >= observance.start.year, year <= (rule.lastYear ?? 9999),
            let day = Self.day(of: rule, year: year),
            let onset = LocalDateTime(
                year: year, month: rule.month, day: day, hour: observance.start.hour,
                minute: observance.start.minute, second: observance.start.second),
            onset >= observance.start,
            rule.until.map({ onset.adding(seconds: -observance.offsetFrom).dateAsUTC <= $0 }) ?? true,
            !result.contains(onset)
        {
            result.append(onset)
        }
        return result
    }

    private static func day(of rule: YearlyRule, year: Int) -> Int? {
        if let weekday = rule.weekday, let ordinal = rule.ordinal {
            return LocalDateTime.day(ofWeekday: weekday, ordinal: ordinal, year: year, month: rule.month)
        }
        let length = LocalDateTime.daysInMonth(year: year, month: rule.month)
        let days = rule.monthDays.filter { $0 <= length }.sorted()
        guard let weekday = rule.weekday else { return days.first }
        return days.first { LocalDateTime(year: year, month: rule.month, day: $0)?.weekday == weekday }
    }

    // MARK: EAS

    /// The TIME_ZONE_INFORMATION for the observances in force in `year` (MS-ASDTYPE 2.7.6).
    func information(year: Int) -> TimeZoneInformation {
        func active(daylight: Bool) -> Observance? {
            observances.filter { $0.isDaylight == daylight && !onsets(of: $0, year: year).isEmpty }
                .max { ($0.rule != nil ? 1 : 0, $0.start) < ($1.rule != nil ? 1 : 0, $1.start) }
        }
        guard let standard = active(daylight: false), let daylight = active(daylight: true) else {
            let reference = LocalDateTime(year: year, month: 7, day: 1) ?? earliest.start
            let offset = offset(atLocal: reference)
            let name = observances.first { !$0.isDaylight }?.name ?? tzid
            return TimeZoneInformation(bias: Int32(-offset / 60), standardName: name, daylightName: name)
        }
        return TimeZoneInformation(
            bias: Int32(-standard.offsetTo / 60), standardName: standard.name ?? tzid,
            standardDate: systemTime(standard, year: year), standardBias: 0, daylightName: daylight.name ?? tzid,
            daylightDate: systemTime(daylight, year: year),
            daylightBias: Int32(-(daylight.offsetTo - standard.offsetTo) / 60))
    }

    private func systemTime(_ observance: Observance, year: Int) -> TimeZoneInformation.SystemTime {
        if let rule = observance.rule, let weekday = rule.weekday, let ordinal = rule.ordinal,
            (1...4).contains(ordinal) || ordinal == -1
        {
            return .yearly(
                month: rule.month, weekday: weekday, week: ordinal == -1 ? 5 : ordinal,
                secondsIntoDay: observance.start.secondsIntoDay)
        }
        guard let onset = onsets(of: observance, year: year).first else { return .none }
        return .yearly(at: onset)
    }

    // MARK: Parsing

    /// `+0100`, `-0530`, `+013045` (RFC 5545 3.3.14) in seconds east of UTC.
    static func offset(_ text: String) -> Int? {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard let sign = value.first, sign == "+" || sign == "-" else { return nil }
        let digits = value.dropFirst()
        guard digits.count == 4 || digits.count == 6, digits.allSatisfy(\.isASCIIDigit),
            let hours = Int(digits.prefix(2)), let minutes = Int(digits.dropFirst(2).prefix(2))
        else { return nil }
        let seconds = digits.count == 6 ? Int(digits.suffix(2)) ?? 0 : 0
        let total = hours * 3600 + minutes * 60 + seconds
        return sign == "-" ? -total : total
    }

    private static func yearlyRule(_ line: ContentLine, start: LocalDateTime, offsetFrom: Int) -> YearlyRule? {
        guard let rule = try? RecurrenceRule(parsing: line.text), rule.frequency == .yearly, rule.interval == 1,
            rule.byMonth.count <= 1, rule.unsupportedParts.isEmpty, rule.bySetPos.isEmpty
        else { return nil }
        let month = rule.byMonth.first ?? start.month
        var yearly = YearlyRule(month: month, monthDays: rule.byMonthDay.filter { $0 > 0 })
        switch (rule.byDay.count, rule.byMonthDay.isEmpty) {
        case (1, true):
            guard let ordinal = rule.byDay[0].ordinal else { return nil }
            yearly.weekday = rule.byDay[0].weekday
            yearly.ordinal = ordinal
        case (1, false):
            guard rule.byDay[0].ordinal == nil, !yearly.monthDays.isEmpty else { return nil }
            yearly.weekday = rule.byDay[0].weekday
        case (0, false):
            guard yearly.monthDays.count == 1 else { return nil }
        case (0, true):
            yearly.monthDays = [start.day]
        default:
            return nil
        }
        if let count = rule.count { yearly.lastYear = start.year + min(count, 10_000) - 1 }
        if let until = rule.until, let time = ICalendarTime(text: until, tzid: nil, valueType: nil) {
            switch time {
            case .utc(let date): yearly.until = date
            case .date(let local), .local(let local, _):
                yearly.until = local.adding(days: time.isDate ? 1 : 0).dateAsUTC.addingTimeInterval(
                    TimeInterval(-offsetFrom))
            }
        }
        return yearly
    }
}
