import ActiveSync
import Foundation
import Testing

@Suite struct EASDateTests {
    let instant = Date(timeIntervalSince1970: 1_796_118_497.25)  // 2026-12-01T09:48:17.250Z

    @Test func bothFormsArePrinted() {
        #expect(EASDate.extended(instant) == "2026-12-01T09:48:17.250Z")
        #expect(EASDate.compact(instant) == "20261201T094817Z")
    }

    @Test func bothFormsAreParsed() {
        #expect(EASDate.parse("2026-12-01T09:48:17.250Z") == instant)
        #expect(EASDate.parse("2026-12-01T09:48:17Z") == instant.addingTimeInterval(-0.25))
        #expect(EASDate.parse("20261201T094817Z") == instant.addingTimeInterval(-0.25))
    }

    @Test(arguments: [
        "", "2026-12-01", "2026-13-01T09:48:17.000Z", "2026-02-30T09:48:17.000Z", "2026-12-01T24:00:00.000Z",
        "2026-12-01T09:48:17.000", "20261201T094817", "2026-12-01 09:48:17.000Z", "2026-12-01T09:48:17.0x0Z", "２026-12-01T09:48:17Z",
    ])
    func garbageIsRefused(_ text: String) {
        #expect(EASDate.parse(text) == nil)
    }
}
