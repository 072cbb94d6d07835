extension CodePage {
    /// Code page 19, DocumentLibrary (MS-ASWBXML 2.1.2.1.20).
    static let documentLibrary = CodePage(
        19, "DocumentLibrary",
        [
            ("LinkId", 0x05),
            ("DisplayName", 0x06),
            ("IsFolder", 0x07),
            ("CreationDate", 0x08),
            ("LastModifiedDate", 0x09),
            ("IsHidden", 0x0A),
            ("ContentLength", 0x0B),
            ("ContentType", 0x0C),
        ])
}
