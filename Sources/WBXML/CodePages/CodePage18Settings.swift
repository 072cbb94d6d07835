extension CodePage {
    /// Code page 18, Settings (MS-ASWBXML 2.1.2.1.19).
    ///
    /// 0x2A is not listed.
    ///
    /// MS-ASCMD 2.2.3.167 names the element `SmtpAddress`.
    static let settings = CodePage(18, "Settings", [
        ("Settings", 0x05),
        ("Status", 0x06),
        ("Get", 0x07),
        ("Set", 0x08),
        ("Oof", 0x09),
        ("OofState", 0x0A),
        ("StartTime", 0x0B),
        ("EndTime", 0x0C),
        ("OofMessage", 0x0D),
        ("AppliesToInternal", 0x0E),
        ("AppliesToExternalKnown", 0x0F),
        ("AppliesToExternalUnknown", 0x10),
        ("Enabled", 0x11),
        ("ReplyMessage", 0x12),
        ("BodyType", 0x13),
        ("DevicePassword", 0x14),
        ("Password", 0x15),
        ("DeviceInformation", 0x16),
        ("Model", 0x17),
        ("IMEI", 0x18),
        ("FriendlyName", 0x19),
        ("OS", 0x1A),
        ("OSLanguage", 0x1B),
        ("PhoneNumber", 0x1C),
        ("UserInformation", 0x1D),
        ("EmailAddresses", 0x1E),
        ("SMTPAddress", 0x1F),
        ("UserAgent", 0x20),
        ("EnableOutboundSMS", 0x21),
        ("MobileOperator", 0x22),
        ("PrimarySmtpAddress", 0x23),
        ("Accounts", 0x24),
        ("Account", 0x25),
        ("AccountId", 0x26),
        ("AccountName", 0x27),
        ("UserDisplayName", 0x28),
        ("SendDisabled", 0x29),
        ("RightsManagementInformation", 0x2B),
    ], elementNames: ["SMTPAddress": "SmtpAddress"])
}
