extension CodePage {
    /// Code page 13, Ping (MS-ASWBXML 2.1.2.1.14).
    ///
    /// 0x06 (AutdState in the first revisions) is no longer listed and is left
    /// unassigned.
    static let ping = CodePage(
        13, "Ping",
        [
            ("Ping", 0x05),
            ("Status", 0x07),
            ("HeartbeatInterval", 0x08),
            ("Folders", 0x09),
            ("Folder", 0x0A),
            ("Id", 0x0B),
            ("Class", 0x0C),
            ("MaxFolders", 0x0D),
        ])
}
