import ActiveSync
import Foundation
import TernStore
import Testing

@testable import TernImport

/// Monday 3 March 2025, 09:00.
private let monday = LocalDateTime(year: 2025, month: 3, day: 3, hour: 9)

private func map(_ rule: String) throws -> Recurrence {
    try RecurrenceRule(parsing: rule).recurrence(start: try #require(monday), until: nil)
}

@Test(arguments: [
    ("FREQ=DAILY", Recurrence(type: 0)),
    ("FREQ=DAILY;INTERVAL=3;COUNT=5", Recurrence(type: 0, interval: 3, occurrences: 5)),
    ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", Recurrence(type: 0, dayOfWeek: 62)),
    ("FREQ=WEEKLY", Recurrence(type: 1, dayOfWeek: 2)),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU;WKST=SU", Recurrence(type: 1, interval: 2, dayOfWeek: 65, firstDayOfWeek: 0)),
    ("FREQ=MONTHLY", Recurrence(type: 2, dayOfMonth: 3)),
    ("FREQ=MONTHLY;BYMONTHDAY=31", Recurrence(type: 2, dayOfMonth: 31)),
    ("FREQ=MONTHLY;BYMONTHDAY=-1", Recurrence(type: 3, dayOfWeek: 127, weekOfMonth: 5)),
    ("FREQ=MONTHLY;BYDAY=1MO", Recurrence(type: 3, dayOfWeek: 2, weekOfMonth: 1)),
    ("FREQ=MONTHLY;BYDAY=+4TH", Recurrence(type: 3, dayOfWeek: 16, weekOfMonth: 4)),
    ("FREQ=MONTHLY;BYDAY=-1FR", Recurrence(type: 3, dayOfWeek: 32, weekOfMonth: 5)),
    ("FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1", Recurrence(type: 3, dayOfWeek: 65, weekOfMonth: 1)),
    ("FREQ=MONTHLY;BYDAY=SU,MO,TU,WE,TH,FR,SA;BYSETPOS=-1", Recurrence(type: 3, dayOfWeek: 127, weekOfMonth: 5)),
    ("FREQ=YEARLY", Recurrence(type: 5, dayOfMonth: 3, monthOfYear: 3)),
    ("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25", Recurrence(type: 5, dayOfMonth: 25, monthOfYear: 12)),
    ("FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", Recurrence(type: 6, dayOfWeek: 2, weekOfMonth: 5, monthOfYear: 5)),
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", Recurrence(type: 6, dayOfWeek: 127, weekOfMonth: 5, monthOfYear: 2)),
    (
        "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=1TU",
        Recurrence(type: 6, interval: 4, dayOfWeek: 4, weekOfMonth: 1, monthOfYear: 11)
    ),
])
func aRuleMapsToItsEASPattern(rule: String, expected: Recurrence) throws {
    #expect(try map(rule) == expected)
}

@Test func untilIsKeptAndCountWinsWhenBothAreGiven() throws {
    let until = utc(2025, 12, 31)
    let start = try #require(monday)
    #expect(
        try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20251231T000000Z").recurrence(start: start, until: until).until
            == until)
    let both = try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=3;UNTIL=20251231T000000Z").recurrence(
        start: start, until: until)
    #expect(both.occurrences == 3)
    #expect(both.until == nil)
}

@Test(arguments: [
    ("FREQ=HOURLY", "FREQ=HOURLY has no EAS equivalent"),
    ("FREQ=DAILY;BYHOUR=9,17", "BYHOUR has no EAS equivalent"),
    ("FREQ=WEEKLY;BYWEEKNO=20", "BYWEEKNO has no EAS equivalent"),
    ("FREQ=YEARLY;BYYEARDAY=100", "BYYEARDAY has no EAS equivalent"),
    ("FREQ=WEEKLY;BYDAY=1MO", "ordinal BYDAY in a daily or weekly rule"),
    ("FREQ=WEEKLY;BYMONTH=3", "BYMONTH in a WEEKLY rule"),
    ("FREQ=MONTHLY;BYMONTH=1,7", "BYMONTH in a MONTHLY rule"),
    ("FREQ=MONTHLY;BYMONTHDAY=1,15", "several BYMONTHDAY values"),
    ("FREQ=MONTHLY;BYMONTHDAY=-2", "BYMONTHDAY=-2 counts from the month's end"),
    ("FREQ=MONTHLY;BYDAY=5FR", "position 5 in the month has no EAS form"),
    ("FREQ=MONTHLY;BYDAY=-2FR", "position -2 in the month has no EAS form"),
    ("FREQ=MONTHLY;BYDAY=1MO,3MO", "several BYDAY entries"),
    ("FREQ=MONTHLY;BYDAY=MO", "every MO of the month"),
    ("FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1,-1", "several BYSETPOS values"),
    ("FREQ=MONTHLY;BYDAY=1MO;BYSETPOS=1", "BYSETPOS with ordinal weekdays"),
    ("FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=1", "BYMONTHDAY combined with BYDAY or BYSETPOS"),
    ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=5", "position 5 in the month has no EAS form"),
    ("FREQ=YEARLY;BYMONTH=1,7", "several BYMONTH values"),
    ("FREQ=YEARLY;BYDAY=1MO", "yearly BYDAY without BYMONTH counts weekdays of the whole year"),
    ("FREQ=DAILY;INTERVAL=1000", "INTERVAL=1000 exceeds the EAS maximum of 999"),
    ("INTERVAL=2", "no FREQ"),
    ("FREQ=FORTNIGHTLY", "unknown FREQ=FORTNIGHTLY"),
    ("FREQ=WEEKLY;BYDAY=XX", "bad BYDAY entry XX"),
])
func aRuleWithoutAnEASFormIsRefusedWithItsReason(rule: String, reason: String) {
    #expect(throws: RecurrenceRule.Refusal(reason)) { try map(rule) }
}
