extension CodePage {
    /// Code page 21, ComposeMail (MS-ASWBXML 2.1.2.1.22).
    ///
    /// 0x0A and 0x14 are not listed. 0x17 and 0x18 are the Name and Email children
    /// of Forwardee (MS-ASCMD 2.2.3.53); some tables call them ForwardeeName and
    /// ForwardeeEmail.
    static let composeMail = CodePage(
        21, "ComposeMail",
        [
            ("SendMail", 0x05),
            ("SmartForward", 0x06),
            ("SmartReply", 0x07),
            ("SaveInSentItems", 0x08),
            ("ReplaceMime", 0x09),
            ("Source", 0x0B),
            ("FolderId", 0x0C),
            ("ItemId", 0x0D),
            ("LongId", 0x0E),
            ("InstanceId", 0x0F),
            ("Mime", 0x10),
            ("ClientId", 0x11),
            ("Status", 0x12),
            ("AccountId", 0x13),  // 14.1+
            ("Forwardees", 0x15),  // 16.0+
            ("Forwardee", 0x16),  // 16.0+
            ("Name", 0x17),  // 16.0+
            ("Email", 0x18),  // 16.0+
        ], opaque: ["Mime"])
}
