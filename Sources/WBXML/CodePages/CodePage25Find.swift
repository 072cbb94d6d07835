extension CodePage {
    /// Code page 25, Find (MS-ASWBXML 2.1.2.1.26). Every tag is 16.1.
    ///
    /// 0x0F, 0x10 and 0x1A...0x1F are not listed: the table jumps from
    /// GalSearchCriterion (0x19) to MaxPictures (0x20).
    static let find = CodePage(
        25, "Find",
        [
            ("Find", 0x05),
            ("SearchId", 0x06),
            ("ExecuteSearch", 0x07),
            ("MailBoxSearchCriterion", 0x08),
            ("Query", 0x09),
            ("Status", 0x0A),
            ("FreeText", 0x0B),
            ("Options", 0x0C),
            ("Range", 0x0D),
            ("DeepTraversal", 0x0E),
            ("Response", 0x11),
            ("Result", 0x12),
            ("Properties", 0x13),
            ("Preview", 0x14),
            ("HasAttachments", 0x15),
            ("Total", 0x16),
            ("DisplayCc", 0x17),
            ("DisplayBcc", 0x18),
            ("GalSearchCriterion", 0x19),
            ("MaxPictures", 0x20),
            ("MaxSize", 0x21),
            ("Picture", 0x22),
        ])
}
