extension CodePage {
    /// Code page 8, MeetingResponse (MS-ASWBXML 2.1.2.1.9).
    ///
    /// 0x0D (Version in the first revisions) and 0x0F are not listed.
    static let meetingResponse = CodePage(
        8, "MeetingResponse",
        [
            ("CalendarId", 0x05),
            ("CollectionId", 0x06),
            ("MeetingResponse", 0x07),
            ("RequestId", 0x08),
            ("Request", 0x09),
            ("Result", 0x0A),
            ("Status", 0x0B),
            ("UserResponse", 0x0C),
            ("InstanceId", 0x0E),  // 14.1+
            ("ProposedStartTime", 0x10),  // 16.1
            ("ProposedEndTime", 0x11),  // 16.1
            ("SendResponse", 0x12),  // 16.0+
        ])
}
