extension CodePage {
    /// Code page 7, FolderHierarchy (MS-ASWBXML 2.1.2.1.8).
    ///
    /// 0x0B, 0x0D and 0x18 (Response, ContentClass and Version in the first
    /// revisions) are no longer listed and are left unassigned.
    static let folderHierarchy = CodePage(
        7, "FolderHierarchy",
        [
            ("Folders", 0x05),  // GetHierarchy, up to 12.1
            ("Folder", 0x06),  // GetHierarchy, up to 12.1
            ("DisplayName", 0x07),
            ("ServerId", 0x08),
            ("ParentId", 0x09),
            ("Type", 0x0A),
            ("Status", 0x0C),
            ("Changes", 0x0E),
            ("Add", 0x0F),
            ("Delete", 0x10),
            ("Update", 0x11),
            ("SyncKey", 0x12),
            ("FolderCreate", 0x13),
            ("FolderDelete", 0x14),
            ("FolderUpdate", 0x15),
            ("FolderSync", 0x16),
            ("Count", 0x17),
        ])
}
