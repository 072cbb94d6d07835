extension CodePage {
    /// Code page 2, Email (MS-ASWBXML 2.1.2.1.3).
    ///
    /// The recurrence children of MeetingRequest (0x29...0x30) are named as the
    /// elements themselves (`Type`, `Until`, ...), not `Recurrence_Type` as in some
    /// older tables. Tokens of protocol 2.5 only (0x05...0x0E, 0x10, 0x36...0x38) are
    /// no longer listed and are left unassigned.
    static let email = CodePage(
        2, "Email",
        [
            ("DateReceived", 0x0F),
            ("DisplayTo", 0x11),
            ("Importance", 0x12),
            ("MessageClass", 0x13),
            ("Subject", 0x14),
            ("Read", 0x15),
            ("To", 0x16),
            ("Cc", 0x17),
            ("From", 0x18),
            ("ReplyTo", 0x19),
            ("AllDayEvent", 0x1A),
            ("Categories", 0x1B),
            ("Category", 0x1C),
            ("DtStamp", 0x1D),
            ("EndTime", 0x1E),
            ("InstanceType", 0x1F),
            ("BusyStatus", 0x20),
            ("Location", 0x21),  // airsyncbase:Location from 16.0
            ("MeetingRequest", 0x22),
            ("Organizer", 0x23),
            ("RecurrenceId", 0x24),
            ("Reminder", 0x25),
            ("ResponseRequested", 0x26),
            ("Recurrences", 0x27),
            ("Recurrence", 0x28),
            ("Type", 0x29),
            ("Until", 0x2A),
            ("Occurrences", 0x2B),
            ("Interval", 0x2C),
            ("DayOfWeek", 0x2D),
            ("DayOfMonth", 0x2E),
            ("WeekOfMonth", 0x2F),
            ("MonthOfYear", 0x30),
            ("StartTime", 0x31),
            ("Sensitivity", 0x32),
            ("TimeZone", 0x33),
            ("GlobalObjId", 0x34),
            ("ThreadTopic", 0x35),
            ("InternetCPID", 0x39),
            ("Flag", 0x3A),
            ("Status", 0x3B),
            ("ContentClass", 0x3C),
            ("FlagType", 0x3D),
            ("CompleteTime", 0x3E),
            ("DisallowNewTimeProposal", 0x3F),  // 14.0+
        ])
}
