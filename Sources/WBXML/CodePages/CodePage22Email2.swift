extension CodePage {
    /// Code page 22, Email2 (MS-ASWBXML 2.1.2.1.23).
    ///
    /// 0x14 is not listed. ConversationId and ConversationIndex carry binary
    /// values and travel as WBXML OPAQUE.
    static let email2 = CodePage(
        22, "Email2",
        [
            ("UmCallerID", 0x05),
            ("UmUserNotes", 0x06),
            ("UmAttDuration", 0x07),
            ("UmAttOrder", 0x08),
            ("ConversationId", 0x09),
            ("ConversationIndex", 0x0A),
            ("LastVerbExecuted", 0x0B),
            ("LastVerbExecutionTime", 0x0C),
            ("ReceivedAsBcc", 0x0D),
            ("Sender", 0x0E),
            ("CalendarType", 0x0F),
            ("IsLeapMonth", 0x10),
            ("AccountId", 0x11),  // 14.1+
            ("FirstDayOfWeek", 0x12),  // 14.1+
            ("MeetingMessageType", 0x13),  // 14.1+
            ("IsDraft", 0x15),  // 16.0+
            ("Bcc", 0x16),  // 16.0+
            ("Send", 0x17),  // 16.0+
        ], opaque: ["ConversationId", "ConversationIndex"])
}
