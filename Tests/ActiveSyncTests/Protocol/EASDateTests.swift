import ActiveSync
import Foundation
import Testing

@Suite struct EASDateTests {
    @Test func writesBothForms() {
        let moment = Date(timeIntervalSince1970: 1_796_118_497.25)
        #expect(EASDate.format(moment, .extended) == "2026-12-01T09:48:17.250Z")
        #expect(EASDate.format(moment, .compact) == "20261201T094817Z")
        #expect(EASDate.format(Date(timeIntervalSince1970: -1), .compact) == "19691231T235959Z")
    }

    @Test func readsBothForms() {
        #expect(EASDate.parse("2026-12-01T09:48:17.000Z") == Date(timeIntervalSince1970: 1_796_118_497))
        #expect(EASDate.parse("20261201T094817Z") == Date(timeIntervalSince1970: 1_796_118_497))
        #expect(EASDate.parse("2026-12-01T09:48:17Z") == Date(timeIntervalSince1970: 1_796_118_497))
        #expect(EASDate.parse("2024-02-29T00:00:00.5Z") == Date(timeIntervalSince1970: 1_709_164_800.5))
    }

    @Test(arguments: [
        "", "yesterday", "2026-12-01", "2026-13-01T00:00:00.000Z", "2026-02-30T00:00:00.000Z",
        "2025-02-29T00:00:00.000Z", "20261201T246000Z", "20261201T094817", "2026-12-01T09:48:17.000Z ",
        "2026-12-01T09:48:17.Z", "2026-12-01 09:48:17Z", "20261201T0948Z", "+2026-12-01T09:48:17.000Z",
        "２026-12-01T09:48:17Z",
    ])
    func refusesGarbage(_ text: String) {
        #expect(EASDate.parse(text) == nil)
    }
}
