import Foundation
import Testing

@testable import TernImport

@Test func theBlobIs172LittleEndianBytesInTheMSASDTYPELayout() throws {
    let information = TimeZoneInformation(
        bias: -60, standardName: "CET", standardDate: .init(month: 10, dayOfWeek: 0, day: 5, hour: 3),
        daylightName: "CEST", daylightDate: .init(month: 3, dayOfWeek: 0, day: 5, hour: 2), daylightBias: -60)
    let bytes = [UInt8](information.encoded)
    #expect(bytes.count == 172)
    #expect(Array(bytes[0..<4]) == [0xC4, 0xFF, 0xFF, 0xFF])
    #expect(Array(bytes[4..<10]) == [0x43, 0x00, 0x45, 0x00, 0x54, 0x00])
    #expect(bytes[10..<68].allSatisfy { $0 == 0 })
    #expect(Array(bytes[68..<84]) == [0, 0, 10, 0, 0, 0, 5, 0, 3, 0, 0, 0, 0, 0, 0, 0])
    #expect(Array(bytes[84..<88]) == [0, 0, 0, 0])
    #expect(Array(bytes[88..<96]) == [0x43, 0x00, 0x45, 0x00, 0x53, 0x00, 0x54, 0x00])
    #expect(Array(bytes[152..<168]) == [0, 0, 3, 0, 0, 0, 5, 0, 2, 0, 0, 0, 0, 0, 0, 0])
    #expect(Array(bytes[168..<172]) == [0xC4, 0xFF, 0xFF, 0xFF])
    #expect(TimeZoneInformation(decoding: information.encoded) == information)
}

@Test func aLongNameIsCutTo31UnitsSoItStaysTerminated() throws {
    let long = String(repeating: "é", count: 40)
    let information = TimeZoneInformation(bias: 0, standardName: long, daylightName: "😀" + long)
    let decoded = try #require(TimeZoneInformation(decoding: information.encoded))
    #expect(decoded.standardName == String(repeating: "é", count: 31))
    #expect(decoded.daylightName == "😀" + String(repeating: "é", count: 29))
}

@Test func aBlobOfTheWrongLengthIsNotDecoded() {
    #expect(TimeZoneInformation(decoding: Data(count: 171)) == nil)
}

@Test(arguments: [2024, 2025, 2026, 2030])
func foundationsBerlinRulesMatchTheVTimeZoneRules(year: Int) throws {
    let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
    let information = TimeZoneInformation(timeZone: zone, year: year)
    #expect(information.bias == -60)
    #expect(information.standardBias == 0)
    #expect(information.daylightBias == -60)
    #expect(information.standardDate == .init(month: 10, dayOfWeek: 0, day: 5, hour: 3))
    #expect(information.daylightDate == .init(month: 3, dayOfWeek: 0, day: 5, hour: 2))
}

@Test func aSouthernZoneHasDaylightTimeAcrossNewYear() throws {
    let information = TimeZoneInformation(timeZone: try #require(TimeZone(identifier: "Australia/Sydney")), year: 2025)
    #expect(information.bias == -600)
    #expect(information.daylightBias == -60)
    #expect(information.daylightDate == .init(month: 10, dayOfWeek: 0, day: 1, hour: 2))
    #expect(information.standardDate == .init(month: 4, dayOfWeek: 0, day: 1, hour: 3))
}

@Test func aZoneWithoutDaylightTimeHasNoTransitions() throws {
    let information = TimeZoneInformation(timeZone: try #require(TimeZone(identifier: "Asia/Kolkata")), year: 2025)
    #expect(information.bias == -330)
    #expect(information.standardDate == .none)
    #expect(information.daylightDate == .none)
    #expect(information.daylightBias == 0)
}

@Test func aVTimeZoneConvertsWallTimesAcrossItsChanges() throws {
    let text = """
        BEGIN:VTIMEZONE
        TZID:Europe/Berlin
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        DTSTART:19700329T020000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        DTSTART:19701025T030000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        END:STANDARD
        END:VTIMEZONE
        """
    var warnings = WarningLog(limit: 10)
    let component = try #require(ContentDocument(text: text, limits: .default).components.first)
    let zone = try VTimeZone(component, warnings: &warnings)
    func wall(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) throws -> LocalDateTime {
        try #require(LocalDateTime(year: 2025, month: month, day: day, hour: hour, minute: minute))
    }
    #expect(zone.date(for: try wall(3, 30, 1, 59)) == utc(2025, 3, 30, 0, 59))
    // 02:30 does not exist on 30 March; it is read with the offset from before the gap.
    #expect(zone.date(for: try wall(3, 30, 2, 30)) == utc(2025, 3, 30, 1, 30))
    #expect(zone.date(for: try wall(3, 30, 3, 0)) == utc(2025, 3, 30, 1, 0))
    // 02:30 on 26 October happens twice; the first (daylight) one is meant.
    #expect(zone.date(for: try wall(10, 26, 2, 30)) == utc(2025, 10, 26, 0, 30))
    #expect(zone.date(for: try wall(10, 26, 3, 0)) == utc(2025, 10, 26, 2, 0))
    #expect(zone.local(for: utc(2025, 10, 26, 0, 59)) == (try wall(10, 26, 2, 59)))
    #expect(zone.local(for: utc(2025, 10, 26, 1, 0)) == (try wall(10, 26, 2, 0)))
    #expect(warnings.warnings.isEmpty)
}

@Test func foundationZonesConvertWallTimesTheSameWay() throws {
    let zone = EventTimeZone.system(try #require(TimeZone(identifier: "Europe/Berlin")))
    func wall(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) throws -> LocalDateTime {
        try #require(LocalDateTime(year: 2025, month: month, day: day, hour: hour, minute: minute))
    }
    #expect(zone.date(for: try wall(3, 30, 2, 30)) == utc(2025, 3, 30, 1, 30))
    #expect(zone.date(for: try wall(3, 30, 3, 0)) == utc(2025, 3, 30, 1, 0))
    #expect(zone.date(for: try wall(10, 26, 2, 30)) == utc(2025, 10, 26, 0, 30))
    #expect(zone.date(for: try wall(10, 26, 3, 0)) == utc(2025, 10, 26, 2, 0))
}
