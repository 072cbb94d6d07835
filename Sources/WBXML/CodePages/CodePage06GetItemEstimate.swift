extension CodePage {
    /// Code page 6, GetItemEstimate (MS-ASWBXML 2.1.2.1.7).
    ///
    /// 0x06 (Version) and 0x0B (DateTime), from the first revisions, are no
    /// longer listed and are left unassigned.
    static let getItemEstimate = CodePage(
        6, "GetItemEstimate",
        [
            ("GetItemEstimate", 0x05),
            ("Collections", 0x07),
            ("Collection", 0x08),
            ("Class", 0x09),
            ("CollectionId", 0x0A),
            ("Estimate", 0x0C),
            ("Response", 0x0D),
            ("Status", 0x0E),
        ])
}
