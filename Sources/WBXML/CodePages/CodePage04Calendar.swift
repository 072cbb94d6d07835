extension CodePage {
    /// Code page 4, Calendar (MS-ASWBXML 2.1.2.1.5).
    ///
    /// 0x10 (Compressed_RTF in the first revisions) and 0x2B...0x32 are not
    /// listed and are left unassigned.
    static let calendar = CodePage(
        4, "Calendar",
        [
            ("Timezone", 0x05),
            ("AllDayEvent", 0x06),
            ("Attendees", 0x07),
            ("Attendee", 0x08),
            ("Email", 0x09),
            ("Name", 0x0A),
            ("BusyStatus", 0x0D),
            ("Categories", 0x0E),
            ("Category", 0x0F),
            ("DtStamp", 0x11),
            ("EndTime", 0x12),
            ("Exception", 0x13),
            ("Exceptions", 0x14),
            ("Deleted", 0x15),
            ("ExceptionStartTime", 0x16),
            ("Location", 0x17),  // airsyncbase:Location from 16.0
            ("MeetingStatus", 0x18),
            ("OrganizerEmail", 0x19),
            ("OrganizerName", 0x1A),
            ("Recurrence", 0x1B),
            ("Type", 0x1C),
            ("Until", 0x1D),
            ("Occurrences", 0x1E),
            ("Interval", 0x1F),
            ("DayOfWeek", 0x20),
            ("DayOfMonth", 0x21),
            ("WeekOfMonth", 0x22),
            ("MonthOfYear", 0x23),
            ("Reminder", 0x24),
            ("Sensitivity", 0x25),
            ("Subject", 0x26),
            ("StartTime", 0x27),
            ("UID", 0x28),
            ("AttendeeStatus", 0x29),
            ("AttendeeType", 0x2A),
            ("DisallowNewTimeProposal", 0x33),
            ("ResponseRequested", 0x34),
            ("AppointmentReplyTime", 0x35),
            ("ResponseType", 0x36),
            ("CalendarType", 0x37),
            ("IsLeapMonth", 0x38),
            ("FirstDayOfWeek", 0x39),
            ("OnlineMeetingConfLink", 0x3A),
            ("OnlineMeetingExternalLink", 0x3B),
            ("ClientUid", 0x3C),  // 16.0+
        ])
}
