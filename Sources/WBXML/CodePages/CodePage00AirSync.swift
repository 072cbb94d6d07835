extension CodePage {
    /// Code page 0, AirSync (MS-ASWBXML 2.1.2.1.1).
    ///
    /// Tokens 0x11, 0x1A and 0x1F (Version, RTFTruncation, NotifyGUID in the
    /// first revisions of the spec) are no longer listed and are left unassigned.
    static let airSync = CodePage(
        0, "AirSync",
        [
            ("Sync", 0x05),
            ("Responses", 0x06),
            ("Add", 0x07),
            ("Change", 0x08),
            ("Delete", 0x09),
            ("Fetch", 0x0A),
            ("SyncKey", 0x0B),
            ("ClientId", 0x0C),
            ("ServerId", 0x0D),
            ("Status", 0x0E),
            ("Collection", 0x0F),
            ("Class", 0x10),
            ("CollectionId", 0x12),
            ("GetChanges", 0x13),
            ("MoreAvailable", 0x14),
            ("WindowSize", 0x15),
            ("Commands", 0x16),
            ("Options", 0x17),
            ("FilterType", 0x18),
            ("Conflict", 0x1B),
            ("Collections", 0x1C),
            ("ApplicationData", 0x1D),
            ("DeletesAsMoves", 0x1E),
            ("Supported", 0x20),
            ("SoftDelete", 0x21),
            ("MIMESupport", 0x22),
            ("MIMETruncation", 0x23),
            ("Wait", 0x24),
            ("Limit", 0x25),
            ("Partial", 0x26),
            ("ConversationMode", 0x27),  // 14.0+
            ("MaxItems", 0x28),  // 14.0+
            ("HeartbeatInterval", 0x29),  // 14.0+
        ])
}
