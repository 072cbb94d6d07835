extension CodePage {
    /// Code page 9, Tasks (MS-ASWBXML 2.1.2.1.10).
    ///
    /// 0x21 (CompressedRTF in the first revisions) is no longer listed and is
    /// left unassigned.
    static let tasks = CodePage(
        9, "Tasks",
        [
            ("Categories", 0x08),
            ("Category", 0x09),
            ("Complete", 0x0A),
            ("DateCompleted", 0x0B),
            ("DueDate", 0x0C),
            ("UtcDueDate", 0x0D),
            ("Importance", 0x0E),
            ("Recurrence", 0x0F),
            ("Type", 0x10),
            ("Start", 0x11),
            ("Until", 0x12),
            ("Occurrences", 0x13),
            ("Interval", 0x14),
            ("DayOfMonth", 0x15),
            ("DayOfWeek", 0x16),
            ("WeekOfMonth", 0x17),
            ("MonthOfYear", 0x18),
            ("Regenerate", 0x19),
            ("DeadOccur", 0x1A),
            ("ReminderSet", 0x1B),
            ("ReminderTime", 0x1C),
            ("Sensitivity", 0x1D),
            ("StartDate", 0x1E),
            ("UtcStartDate", 0x1F),
            ("Subject", 0x20),
            ("OrdinalDate", 0x22),
            ("SubOrdinalDate", 0x23),
            ("CalendarType", 0x24),  // 14.0+
            ("IsLeapMonth", 0x25),  // 14.0+
            ("FirstDayOfWeek", 0x26),  // 14.1+
        ])
}
