import Testing

@testable import TernImport

@Test(arguments: [
    ("PT15M", 0, 900), ("-PT15M", 0, -900), ("+PT1H30M", 0, 5400), ("P1D", 1, 0), ("P2W", 14, 0),
    ("P1DT12H", 1, 43_200), ("PT0S", 0, 0), ("-P1DT1S", -1, -1),
])
func aDurationKeepsNominalDaysApartFromExactSeconds(text: String, days: Int, seconds: Int) {
    #expect(ICalendarDuration(text) == ICalendarDuration(days: days, seconds: seconds))
}

@Test(arguments: ["", "P", "PT", "15M", "PT15", "P1H", "PT1D", "P1DT", "P9999999999W", "PXM"])
func aMalformedOrHugeDurationIsNotRead(text: String) {
    #expect(ICalendarDuration(text) == nil)
}
