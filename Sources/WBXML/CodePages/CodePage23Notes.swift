extension CodePage {
    /// Code page 23, Notes (MS-ASWBXML 2.1.2.1.24).
    static let notes = CodePage(
        23, "Notes",
        [
            ("Subject", 0x05),
            ("MessageClass", 0x06),
            ("LastModifiedDate", 0x07),
            ("Categories", 0x08),
            ("Category", 0x09),
        ])
}
