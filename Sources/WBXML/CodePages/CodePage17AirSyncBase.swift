extension CodePage {
    /// Code page 17, AirSyncBase (MS-ASWBXML 2.1.2.1.18).
    ///
    /// 0x09 is not listed.
    static let airSyncBase = CodePage(
        17, "AirSyncBase",
        [
            ("BodyPreference", 0x05),
            ("Type", 0x06),
            ("TruncationSize", 0x07),
            ("AllOrNone", 0x08),
            ("Body", 0x0A),
            ("Data", 0x0B),
            ("EstimatedDataSize", 0x0C),
            ("Truncated", 0x0D),
            ("Attachments", 0x0E),
            ("Attachment", 0x0F),
            ("DisplayName", 0x10),
            ("FileReference", 0x11),
            ("Method", 0x12),
            ("ContentId", 0x13),
            ("ContentLocation", 0x14),  // marked "not used" in the table
            ("IsInline", 0x15),
            ("NativeBodyType", 0x16),
            ("ContentType", 0x17),
            ("Preview", 0x18),  // 14.0+
            ("BodyPartPreference", 0x19),  // 14.1+
            ("BodyPart", 0x1A),  // 14.1+
            ("Status", 0x1B),  // 14.1+
            ("Add", 0x1C),  // 16.0+
            ("Delete", 0x1D),  // 16.0+
            ("ClientId", 0x1E),  // 16.0+
            ("Content", 0x1F),  // 16.0+
            ("Location", 0x20),  // 16.0+
            ("Annotation", 0x21),  // 16.0+
            ("Street", 0x22),  // 16.0+
            ("City", 0x23),  // 16.0+
            ("State", 0x24),  // 16.0+
            ("Country", 0x25),  // 16.0+
            ("PostalCode", 0x26),  // 16.0+
            ("Latitude", 0x27),  // 16.0+
            ("Longitude", 0x28),  // 16.0+
            ("Accuracy", 0x29),  // 16.0+
            ("Altitude", 0x2A),  // 16.0+
            ("AltitudeAccuracy", 0x2B),  // 16.0+
            ("LocationUri", 0x2C),  // 16.0+
            ("InstanceId", 0x2D),  // 16.0+
        ], opaque: ["Content"])
}
