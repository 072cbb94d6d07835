extension CodePage {
    /// Code page 10, ResolveRecipients (MS-ASWBXML 2.1.2.1.11).
    static let resolveRecipients = CodePage(
        10, "ResolveRecipients",
        [
            ("ResolveRecipients", 0x05),
            ("Response", 0x06),
            ("Status", 0x07),
            ("Type", 0x08),
            ("Recipient", 0x09),
            ("DisplayName", 0x0A),
            ("EmailAddress", 0x0B),
            ("Certificates", 0x0C),
            ("Certificate", 0x0D),
            ("MiniCertificate", 0x0E),
            ("Options", 0x0F),
            ("To", 0x10),
            ("CertificateRetrieval", 0x11),
            ("RecipientCount", 0x12),
            ("MaxCertificates", 0x13),
            ("MaxAmbiguousRecipients", 0x14),
            ("CertificateCount", 0x15),
            ("Availability", 0x16),  // 14.0+
            ("StartTime", 0x17),  // 14.0+
            ("EndTime", 0x18),  // 14.0+
            ("MergedFreeBusy", 0x19),  // 14.0+
            ("Picture", 0x1A),  // 14.1+
            ("MaxSize", 0x1B),  // 14.1+
            ("Data", 0x1C),  // 14.1+
            ("MaxPictures", 0x1D),  // 14.1+
        ], opaque: ["Data"])
}
