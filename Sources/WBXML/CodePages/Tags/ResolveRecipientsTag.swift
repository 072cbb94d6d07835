// Written from `CodePage.resolveRecipients` by TagConstantTests; do not edit by hand.

/// The tags of code page 10, ResolveRecipients, as constants: a misspelt tag does not compile.
public enum ResolveRecipientsTag {
    /// `ResolveRecipients:ResolveRecipients`
    public static let resolveRecipients = WBXMLTag(known: 10, 0x05)
    /// `ResolveRecipients:Response`
    public static let response = WBXMLTag(known: 10, 0x06)
    /// `ResolveRecipients:Status`
    public static let status = WBXMLTag(known: 10, 0x07)
    /// `ResolveRecipients:Type`
    public static let type = WBXMLTag(known: 10, 0x08)
    /// `ResolveRecipients:Recipient`
    public static let recipient = WBXMLTag(known: 10, 0x09)
    /// `ResolveRecipients:DisplayName`
    public static let displayName = WBXMLTag(known: 10, 0x0A)
    /// `ResolveRecipients:EmailAddress`
    public static let emailAddress = WBXMLTag(known: 10, 0x0B)
    /// `ResolveRecipients:Certificates`
    public static let certificates = WBXMLTag(known: 10, 0x0C)
    /// `ResolveRecipients:Certificate`
    public static let certificate = WBXMLTag(known: 10, 0x0D)
    /// `ResolveRecipients:MiniCertificate`
    public static let miniCertificate = WBXMLTag(known: 10, 0x0E)
    /// `ResolveRecipients:Options`
    public static let options = WBXMLTag(known: 10, 0x0F)
    /// `ResolveRecipients:To`
    public static let to = WBXMLTag(known: 10, 0x10)
    /// `ResolveRecipients:CertificateRetrieval`
    public static let certificateRetrieval = WBXMLTag(known: 10, 0x11)
    /// `ResolveRecipients:RecipientCount`
    public static let recipientCount = WBXMLTag(known: 10, 0x12)
    /// `ResolveRecipients:MaxCertificates`
    public static let maxCertificates = WBXMLTag(known: 10, 0x13)
    /// `ResolveRecipients:MaxAmbiguousRecipients`
    public static let maxAmbiguousRecipients = WBXMLTag(known: 10, 0x14)
    /// `ResolveRecipients:CertificateCount`
    public static let certificateCount = WBXMLTag(known: 10, 0x15)
    /// `ResolveRecipients:Availability`
    public static let availability = WBXMLTag(known: 10, 0x16)
    /// `ResolveRecipients:StartTime`
    public static let startTime = WBXMLTag(known: 10, 0x17)
    /// `ResolveRecipients:EndTime`
    public static let endTime = WBXMLTag(known: 10, 0x18)
    /// `ResolveRecipients:MergedFreeBusy`
    public static let mergedFreeBusy = WBXMLTag(known: 10, 0x19)
    /// `ResolveRecipients:Picture`
    public static let picture = WBXMLTag(known: 10, 0x1A)
    /// `ResolveRecipients:MaxSize`
    public static let maxSize = WBXMLTag(known: 10, 0x1B)
    /// `ResolveRecipients:Data`
    public static let data = WBXMLTag(known: 10, 0x1C)
    /// `ResolveRecipients:MaxPictures`
    public static let maxPictures = WBXMLTag(known: 10, 0x1D)
}
