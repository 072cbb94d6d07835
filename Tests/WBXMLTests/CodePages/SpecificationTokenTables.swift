import Testing

// Expected WBXML code page tables for Tern's independent check of Sources/WBXML/CodePages.
//
// Transcribed from the specification text only: [MS-ASWBXML] "Exchange ActiveSync:
// WAP Binary XML (WBXML) Algorithm", revision 24.0 (2025-05-20), section 2.1.2.1
// "Code Pages" and its subsections 2.1.2.1.1 through 2.1.2.1.26. Pages 10, 12 and 25
// were also compared with the learn.microsoft.com copies of those sections.
//
// Scope: every tag whose "Protocol versions" cell includes 12.1, 14.0, 14.1, 16.0 or 16.1
// ("All" counts). Rows the specification marks as 2.5-only are left out of the expected
// pairs and are listed in a comment under each page instead, so that a reader can see the
// omission is deliberate.
//
// Keep these as plain literals. Do not generate them from, or share them with, the library
// tables: their whole value is that they were written separately from the spec.

/// One WBXML code page as listed in [MS-ASWBXML] section 2.1.2.1.
struct SpecificationCodePage: Sendable, CustomTestStringConvertible {
    /// The code page number (the byte that follows SWITCH_PAGE).
    let number: UInt8
    /// The XML namespace name the page corresponds to.
    let namespace: String
    /// The [MS-ASWBXML] section that lists this page.
    let section: String
    /// Every (tag name, token) pair the section lists for protocol versions 12.1 to 16.1,
    /// in ascending token order.
    let pairs: [(name: String, token: UInt8)]

    var testDescription: String { "code page \(number) (\(namespace))" }
}

// [MS-ASWBXML] 2.1.2.1.1 Code Page 0: AirSync
// Listed for protocol version 2.5 only, so not expected here: Truncation 0x19.
let airSyncSpecificationPage = SpecificationCodePage(
    number: 0,
    namespace: "AirSync",
    section: "2.1.2.1.1",
    pairs: [
        ("Sync", 0x05),
        ("Responses", 0x06),
        ("Add", 0x07),
        ("Change", 0x08),
        ("Delete", 0x09),
        ("Fetch", 0x0A),
        ("SyncKey", 0x0B),
        ("ClientId", 0x0C),
        ("ServerId", 0x0D),
        ("Status", 0x0E),
        ("Collection", 0x0F),
        ("Class", 0x10),
        ("CollectionId", 0x12),
        ("GetChanges", 0x13),
        ("MoreAvailable", 0x14),
        ("WindowSize", 0x15),
        ("Commands", 0x16),
        ("Options", 0x17),
        ("FilterType", 0x18),
        ("Conflict", 0x1B),
        ("Collections", 0x1C),
        ("ApplicationData", 0x1D),
        ("DeletesAsMoves", 0x1E),
        ("Supported", 0x20),
        ("SoftDelete", 0x21),
        ("MIMESupport", 0x22),
        ("MIMETruncation", 0x23),
        ("Wait", 0x24),
        ("Limit", 0x25),
        ("Partial", 0x26),
        ("ConversationMode", 0x27),
        ("MaxItems", 0x28),
        ("HeartbeatInterval", 0x29),
    ]
)

// [MS-ASWBXML] 2.1.2.1.2 Code Page 1: Contacts
// Listed for protocol version 2.5 only, so not expected here: Body 0x09, BodySize 0x0A, BodyTruncated 0x0B.
let contactsSpecificationPage = SpecificationCodePage(
    number: 1,
    namespace: "Contacts",
    section: "2.1.2.1.2",
    pairs: [
        ("Anniversary", 0x05),
        ("AssistantName", 0x06),
        ("AssistantPhoneNumber", 0x07),
        ("Birthday", 0x08),
        ("Business2PhoneNumber", 0x0C),
        ("BusinessAddressCity", 0x0D),
        ("BusinessAddressCountry", 0x0E),
        ("BusinessAddressPostalCode", 0x0F),
        ("BusinessAddressState", 0x10),
        ("BusinessAddressStreet", 0x11),
        ("BusinessFaxNumber", 0x12),
        ("BusinessPhoneNumber", 0x13),
        ("CarPhoneNumber", 0x14),
        ("Categories", 0x15),
        ("Category", 0x16),
        ("Children", 0x17),
        ("Child", 0x18),
        ("CompanyName", 0x19),
        ("Department", 0x1A),
        ("Email1Address", 0x1B),
        ("Email2Address", 0x1C),
        ("Email3Address", 0x1D),
        ("FileAs", 0x1E),
        ("FirstName", 0x1F),
        ("Home2PhoneNumber", 0x20),
        ("HomeAddressCity", 0x21),
        ("HomeAddressCountry", 0x22),
        ("HomeAddressPostalCode", 0x23),
        ("HomeAddressState", 0x24),
        ("HomeAddressStreet", 0x25),
        ("HomeFaxNumber", 0x26),
        ("HomePhoneNumber", 0x27),
        ("JobTitle", 0x28),
        ("LastName", 0x29),
        ("MiddleName", 0x2A),
        ("MobilePhoneNumber", 0x2B),
        ("OfficeLocation", 0x2C),
        ("OtherAddressCity", 0x2D),
        ("OtherAddressCountry", 0x2E),
        ("OtherAddressPostalCode", 0x2F),
        ("OtherAddressState", 0x30),
        ("OtherAddressStreet", 0x31),
        ("PagerNumber", 0x32),
        ("RadioPhoneNumber", 0x33),
        ("Spouse", 0x34),
        ("Suffix", 0x35),
        ("Title", 0x36),
        ("WebPage", 0x37),
        ("YomiCompanyName", 0x38),
        ("YomiFirstName", 0x39),
        ("YomiLastName", 0x3A),
        ("Picture", 0x3C),
        ("Alias", 0x3D),
        ("WeightedRank", 0x3E),
    ]
)

// [MS-ASWBXML] 2.1.2.1.3 Code Page 2: Email
// Listed for protocol version 2.5 only, so not expected here: Attachment 0x05, Attachments 0x06, AttName 0x07, AttSize 0x08, Att0id 0x09, AttMethod 0x0A, Body 0x0C, BodySize 0x0D, BodyTruncated 0x0E, DisplayName 0x10, MIMEData 0x36, MIMETruncated 0x37, MIMESize 0x38.
let emailSpecificationPage = SpecificationCodePage(
    number: 2,
    namespace: "Email",
    section: "2.1.2.1.3",
    pairs: [
        ("DateReceived", 0x0F),
        ("DisplayTo", 0x11),
        ("Importance", 0x12),
        ("MessageClass", 0x13),
        ("Subject", 0x14),
        ("Read", 0x15),
        ("To", 0x16),
        ("Cc", 0x17),
        ("From", 0x18),
        ("ReplyTo", 0x19),
        ("AllDayEvent", 0x1A),
        ("Categories", 0x1B),
        ("Category", 0x1C),
        ("DtStamp", 0x1D),
        ("EndTime", 0x1E),
        ("InstanceType", 0x1F),
        ("BusyStatus", 0x20),
        ("Location", 0x21),
        ("MeetingRequest", 0x22),
        ("Organizer", 0x23),
        ("RecurrenceId", 0x24),
        ("Reminder", 0x25),
        ("ResponseRequested", 0x26),
        ("Recurrences", 0x27),
        ("Recurrence", 0x28),
        ("Type", 0x29),
        ("Until", 0x2A),
        ("Occurrences", 0x2B),
        ("Interval", 0x2C),
        ("DayOfWeek", 0x2D),
        ("DayOfMonth", 0x2E),
        ("WeekOfMonth", 0x2F),
        ("MonthOfYear", 0x30),
        ("StartTime", 0x31),
        ("Sensitivity", 0x32),
        ("TimeZone", 0x33),
        ("GlobalObjId", 0x34),
        ("ThreadTopic", 0x35),
        ("InternetCPID", 0x39),
        ("Flag", 0x3A),
        ("Status", 0x3B),
        ("ContentClass", 0x3C),
        ("FlagType", 0x3D),
        ("CompleteTime", 0x3E),
        ("DisallowNewTimeProposal", 0x3F),
    ]
)

// [MS-ASWBXML] 2.1.2.1.4 Code Page 3: AirNotify
// The section says only: "WBXML code page 3 is no longer in use." It lists no tags.
let airNotifySpecificationPage = SpecificationCodePage(
    number: 3,
    namespace: "AirNotify",
    section: "2.1.2.1.4",
    pairs: []
)

// [MS-ASWBXML] 2.1.2.1.5 Code Page 4: Calendar
// Listed for protocol version 2.5 only, so not expected here: Body 0x0B, BodyTruncated 0x0C.
let calendarSpecificationPage = SpecificationCodePage(
    number: 4,
    namespace: "Calendar",
    section: "2.1.2.1.5",
    pairs: [
        ("Timezone", 0x05),
        ("AllDayEvent", 0x06),
        ("Attendees", 0x07),
        ("Attendee", 0x08),
        ("Email", 0x09),
        ("Name", 0x0A),
        ("BusyStatus", 0x0D),
        ("Categories", 0x0E),
        ("Category", 0x0F),
        ("DtStamp", 0x11),
        ("EndTime", 0x12),
        ("Exception", 0x13),
        ("Exceptions", 0x14),
        ("Deleted", 0x15),
        ("ExceptionStartTime", 0x16),
        ("Location", 0x17),
        ("MeetingStatus", 0x18),
        ("OrganizerEmail", 0x19),
        ("OrganizerName", 0x1A),
        ("Recurrence", 0x1B),
        ("Type", 0x1C),
        ("Until", 0x1D),
        ("Occurrences", 0x1E),
        ("Interval", 0x1F),
        ("DayOfWeek", 0x20),
        ("DayOfMonth", 0x21),
        ("WeekOfMonth", 0x22),
        ("MonthOfYear", 0x23),
        ("Reminder", 0x24),
        ("Sensitivity", 0x25),
        ("Subject", 0x26),
        ("StartTime", 0x27),
        ("UID", 0x28),
        ("AttendeeStatus", 0x29),
        ("AttendeeType", 0x2A),
        ("DisallowNewTimeProposal", 0x33),
        ("ResponseRequested", 0x34),
        ("AppointmentReplyTime", 0x35),
        ("ResponseType", 0x36),
        ("CalendarType", 0x37),
        ("IsLeapMonth", 0x38),
        ("FirstDayOfWeek", 0x39),
        ("OnlineMeetingConfLink", 0x3A),
        ("OnlineMeetingExternalLink", 0x3B),
        ("ClientUid", 0x3C),
    ]
)

// [MS-ASWBXML] 2.1.2.1.6 Code Page 5: Move
let moveSpecificationPage = SpecificationCodePage(
    number: 5,
    namespace: "Move",
    section: "2.1.2.1.6",
    pairs: [
        ("MoveItems", 0x05),
        ("Move", 0x06),
        ("SrcMsgId", 0x07),
        ("SrcFldId", 0x08),
        ("DstFldId", 0x09),
        ("Response", 0x0A),
        ("Status", 0x0B),
        ("DstMsgId", 0x0C),
    ]
)

// [MS-ASWBXML] 2.1.2.1.7 Code Page 6: GetItemEstimate
let getItemEstimateSpecificationPage = SpecificationCodePage(
    number: 6,
    namespace: "GetItemEstimate",
    section: "2.1.2.1.7",
    pairs: [
        ("GetItemEstimate", 0x05),
        ("Collections", 0x07),
        ("Collection", 0x08),
        ("Class", 0x09),
        ("CollectionId", 0x0A),
        ("Estimate", 0x0C),
        ("Response", 0x0D),
        ("Status", 0x0E),
    ]
)

// [MS-ASWBXML] 2.1.2.1.8 Code Page 7: FolderHierarchy
let folderHierarchySpecificationPage = SpecificationCodePage(
    number: 7,
    namespace: "FolderHierarchy",
    section: "2.1.2.1.8",
    pairs: [
        ("Folders", 0x05),
        ("Folder", 0x06),
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
    ]
)

// [MS-ASWBXML] 2.1.2.1.9 Code Page 8: MeetingResponse
let meetingResponseSpecificationPage = SpecificationCodePage(
    number: 8,
    namespace: "MeetingResponse",
    section: "2.1.2.1.9",
    pairs: [
        ("CalendarId", 0x05),
        ("CollectionId", 0x06),
        ("MeetingResponse", 0x07),
        ("RequestId", 0x08),
        ("Request", 0x09),
        ("Result", 0x0A),
        ("Status", 0x0B),
        ("UserResponse", 0x0C),
        ("InstanceId", 0x0E),
        ("ProposedStartTime", 0x10),
        ("ProposedEndTime", 0x11),
        ("SendResponse", 0x12),
    ]
)

// [MS-ASWBXML] 2.1.2.1.10 Code Page 9: Tasks
// Listed for protocol version 2.5 only, so not expected here: Body 0x05, BodySize 0x06, BodyTruncated 0x07.
let tasksSpecificationPage = SpecificationCodePage(
    number: 9,
    namespace: "Tasks",
    section: "2.1.2.1.10",
    pairs: [
        ("Categories", 0x08),
        ("Category", 0x09),
        ("Complete", 0x0A),
        ("DateCompleted", 0x0B),
        ("DueDate", 0x0C),
        ("UtcDueDate", 0x0D),
        ("Importance", 0x0E),
        ("Recurrence", 0x0F),
        ("Type", 0x10),
        ("Start", 0x11),
        ("Until", 0x12),
        ("Occurrences", 0x13),
        ("Interval", 0x14),
        ("DayOfMonth", 0x15),
        ("DayOfWeek", 0x16),
        ("WeekOfMonth", 0x17),
        ("MonthOfYear", 0x18),
        ("Regenerate", 0x19),
        ("DeadOccur", 0x1A),
        ("ReminderSet", 0x1B),
        ("ReminderTime", 0x1C),
        ("Sensitivity", 0x1D),
        ("StartDate", 0x1E),
        ("UtcStartDate", 0x1F),
        ("Subject", 0x20),
        ("OrdinalDate", 0x22),
        ("SubOrdinalDate", 0x23),
        ("CalendarType", 0x24),
        ("IsLeapMonth", 0x25),
        ("FirstDayOfWeek", 0x26),
    ]
)

// [MS-ASWBXML] 2.1.2.1.11 Code Page 10: ResolveRecipients
let resolveRecipientsSpecificationPage = SpecificationCodePage(
    number: 10,
    namespace: "ResolveRecipients",
    section: "2.1.2.1.11",
    pairs: [
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
        ("Availability", 0x16),
        ("StartTime", 0x17),
        ("EndTime", 0x18),
        ("MergedFreeBusy", 0x19),
        ("Picture", 0x1A),
        ("MaxSize", 0x1B),
        ("Data", 0x1C),
        ("MaxPictures", 0x1D),
    ]
)

// [MS-ASWBXML] 2.1.2.1.12 Code Page 11: ValidateCert
let validateCertSpecificationPage = SpecificationCodePage(
    number: 11,
    namespace: "ValidateCert",
    section: "2.1.2.1.12",
    pairs: [
        ("ValidateCert", 0x05),
        ("Certificates", 0x06),
        ("Certificate", 0x07),
        ("CertificateChain", 0x08),
        ("CheckCRL", 0x09),
        ("Status", 0x0A),
    ]
)

// [MS-ASWBXML] 2.1.2.1.13 Code Page 12: Contacts2
let contacts2SpecificationPage = SpecificationCodePage(
    number: 12,
    namespace: "Contacts2",
    section: "2.1.2.1.13",
    pairs: [
        ("CustomerId", 0x05),
        ("GovernmentId", 0x06),
        ("IMAddress", 0x07),
        ("IMAddress2", 0x08),
        ("IMAddress3", 0x09),
        ("ManagerName", 0x0A),
        ("CompanyMainPhone", 0x0B),
        ("AccountName", 0x0C),
        ("NickName", 0x0D),
        ("MMS", 0x0E),
    ]
)

// [MS-ASWBXML] 2.1.2.1.14 Code Page 13: Ping
let pingSpecificationPage = SpecificationCodePage(
    number: 13,
    namespace: "Ping",
    section: "2.1.2.1.14",
    pairs: [
        ("Ping", 0x05),
        ("Status", 0x07),
        ("HeartbeatInterval", 0x08),
        ("Folders", 0x09),
        ("Folder", 0x0A),
        ("Id", 0x0B),
        ("Class", 0x0C),
        ("MaxFolders", 0x0D),
    ]
)

// [MS-ASWBXML] 2.1.2.1.15 Code Page 14: Provision
let provisionSpecificationPage = SpecificationCodePage(
    number: 14,
    namespace: "Provision",
    section: "2.1.2.1.15",
    pairs: [
        ("Provision", 0x05),
        ("Policies", 0x06),
        ("Policy", 0x07),
        ("PolicyType", 0x08),
        ("PolicyKey", 0x09),
        ("Data", 0x0A),
        ("Status", 0x0B),
        ("RemoteWipe", 0x0C),
        ("EASProvisionDoc", 0x0D),
        ("DevicePasswordEnabled", 0x0E),
        ("AlphanumericDevicePasswordRequired", 0x0F),
        ("RequireStorageCardEncryption", 0x10),
        ("PasswordRecoveryEnabled", 0x11),
        ("AttachmentsEnabled", 0x13),
        ("MinDevicePasswordLength", 0x14),
        ("MaxInactivityTimeDeviceLock", 0x15),
        ("MaxDevicePasswordFailedAttempts", 0x16),
        ("MaxAttachmentSize", 0x17),
        ("AllowSimpleDevicePassword", 0x18),
        ("DevicePasswordExpiration", 0x19),
        ("DevicePasswordHistory", 0x1A),
        ("AllowStorageCard", 0x1B),
        ("AllowCamera", 0x1C),
        ("RequireDeviceEncryption", 0x1D),
        ("AllowUnsignedApplications", 0x1E),
        ("AllowUnsignedInstallationPackages", 0x1F),
        ("MinDevicePasswordComplexCharacters", 0x20),
        ("AllowWiFi", 0x21),
        ("AllowTextMessaging", 0x22),
        ("AllowPOPIMAPEmail", 0x23),
        ("AllowBluetooth", 0x24),
        ("AllowIrDA", 0x25),
        ("RequireManualSyncWhenRoaming", 0x26),
        ("AllowDesktopSync", 0x27),
        ("MaxCalendarAgeFilter", 0x28),
        ("AllowHTMLEmail", 0x29),
        ("MaxEmailAgeFilter", 0x2A),
        ("MaxEmailBodyTruncationSize", 0x2B),
        ("MaxEmailHTMLBodyTruncationSize", 0x2C),
        ("RequireSignedSMIMEMessages", 0x2D),
        ("RequireEncryptedSMIMEMessages", 0x2E),
        ("RequireSignedSMIMEAlgorithm", 0x2F),
        ("RequireEncryptionSMIMEAlgorithm", 0x30),
        ("AllowSMIMEEncryptionAlgorithmNegotiation", 0x31),
        ("AllowSMIMESoftCerts", 0x32),
        ("AllowBrowser", 0x33),
        ("AllowConsumerEmail", 0x34),
        ("AllowRemoteDesktop", 0x35),
        ("AllowInternetSharing", 0x36),
        ("UnapprovedInROMApplicationList", 0x37),
        ("ApplicationName", 0x38),
        ("ApprovedApplicationList", 0x39),
        ("Hash", 0x3A),
        ("AccountOnlyRemoteWipe", 0x3B),
    ]
)

// [MS-ASWBXML] 2.1.2.1.16 Code Page 15: Search
let searchSpecificationPage = SpecificationCodePage(
    number: 15,
    namespace: "Search",
    section: "2.1.2.1.16",
    pairs: [
        ("Search", 0x05),
        ("Store", 0x07),
        ("Name", 0x08),
        ("Query", 0x09),
        ("Options", 0x0A),
        ("Range", 0x0B),
        ("Status", 0x0C),
        ("Response", 0x0D),
        ("Result", 0x0E),
        ("Properties", 0x0F),
        ("Total", 0x10),
        ("EqualTo", 0x11),
        ("Value", 0x12),
        ("And", 0x13),
        ("Or", 0x14),
        ("FreeText", 0x15),
        ("DeepTraversal", 0x17),
        ("LongId", 0x18),
        ("RebuildResults", 0x19),
        ("LessThan", 0x1A),
        ("GreaterThan", 0x1B),
        ("UserName", 0x1E),
        ("Password", 0x1F),
        ("ConversationId", 0x20),
        ("Picture", 0x21),
        ("MaxSize", 0x22),
        ("MaxPictures", 0x23),
    ]
)

// [MS-ASWBXML] 2.1.2.1.17 Code Page 16: GAL
// The heading says "GAL"; the code page list in 2.1.2.1 spells the namespace "Gal". Tern uses "GAL".
let galSpecificationPage = SpecificationCodePage(
    number: 16,
    namespace: "GAL",
    section: "2.1.2.1.17",
    pairs: [
        ("DisplayName", 0x05),
        ("Phone", 0x06),
        ("Office", 0x07),
        ("Title", 0x08),
        ("Company", 0x09),
        ("Alias", 0x0A),
        ("FirstName", 0x0B),
        ("LastName", 0x0C),
        ("HomePhone", 0x0D),
        ("MobilePhone", 0x0E),
        ("EmailAddress", 0x0F),
        ("Picture", 0x10),
        ("Status", 0x11),
        ("Data", 0x12),
    ]
)

// [MS-ASWBXML] 2.1.2.1.18 Code Page 17: AirSyncBase
let airSyncBaseSpecificationPage = SpecificationCodePage(
    number: 17,
    namespace: "AirSyncBase",
    section: "2.1.2.1.18",
    pairs: [
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
        ("ContentLocation", 0x14),
        ("IsInline", 0x15),
        ("NativeBodyType", 0x16),
        ("ContentType", 0x17),
        ("Preview", 0x18),
        ("BodyPartPreference", 0x19),
        ("BodyPart", 0x1A),
        ("Status", 0x1B),
        ("Add", 0x1C),
        ("Delete", 0x1D),
        ("ClientId", 0x1E),
        ("Content", 0x1F),
        ("Location", 0x20),
        ("Annotation", 0x21),
        ("Street", 0x22),
        ("City", 0x23),
        ("State", 0x24),
        ("Country", 0x25),
        ("PostalCode", 0x26),
        ("Latitude", 0x27),
        ("Longitude", 0x28),
        ("Accuracy", 0x29),
        ("Altitude", 0x2A),
        ("AltitudeAccuracy", 0x2B),
        ("LocationUri", 0x2C),
        ("InstanceId", 0x2D),
    ]
)

// [MS-ASWBXML] 2.1.2.1.19 Code Page 18: Settings
let settingsSpecificationPage = SpecificationCodePage(
    number: 18,
    namespace: "Settings",
    section: "2.1.2.1.19",
    pairs: [
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
    ]
)

// [MS-ASWBXML] 2.1.2.1.20 Code Page 19: DocumentLibrary
let documentLibrarySpecificationPage = SpecificationCodePage(
    number: 19,
    namespace: "DocumentLibrary",
    section: "2.1.2.1.20",
    pairs: [
        ("LinkId", 0x05),
        ("DisplayName", 0x06),
        ("IsFolder", 0x07),
        ("CreationDate", 0x08),
        ("LastModifiedDate", 0x09),
        ("IsHidden", 0x0A),
        ("ContentLength", 0x0B),
        ("ContentType", 0x0C),
    ]
)

// [MS-ASWBXML] 2.1.2.1.21 Code Page 20: ItemOperations
let itemOperationsSpecificationPage = SpecificationCodePage(
    number: 20,
    namespace: "ItemOperations",
    section: "2.1.2.1.21",
    pairs: [
        ("ItemOperations", 0x05),
        ("Fetch", 0x06),
        ("Store", 0x07),
        ("Options", 0x08),
        ("Range", 0x09),
        ("Total", 0x0A),
        ("Properties", 0x0B),
        ("Data", 0x0C),
        ("Status", 0x0D),
        ("Response", 0x0E),
        ("Version", 0x0F),
        ("Schema", 0x10),
        ("Part", 0x11),
        ("EmptyFolderContents", 0x12),
        ("DeleteSubFolders", 0x13),
        ("UserName", 0x14),
        ("Password", 0x15),
        ("Move", 0x16),
        ("DstFldId", 0x17),
        ("ConversationId", 0x18),
        ("MoveAlways", 0x19),
    ]
)

// [MS-ASWBXML] 2.1.2.1.22 Code Page 21: ComposeMail
let composeMailSpecificationPage = SpecificationCodePage(
    number: 21,
    namespace: "ComposeMail",
    section: "2.1.2.1.22",
    pairs: [
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
        ("AccountId", 0x13),
        ("Forwardees", 0x15),
        ("Forwardee", 0x16),
        ("Name", 0x17),
        ("Email", 0x18),
    ]
)

// [MS-ASWBXML] 2.1.2.1.23 Code Page 22: Email2
let email2SpecificationPage = SpecificationCodePage(
    number: 22,
    namespace: "Email2",
    section: "2.1.2.1.23",
    pairs: [
        ("UmCallerID", 0x05),
        ("UmUserNotes", 0x06),
        ("UmAttDuration", 0x07),
        ("UmAttOrder", 0x08),
        ("ConversationId", 0x09),
        ("ConversationIndex", 0x0A),
        ("LastVerbExecuted", 0x0B),
        ("LastVerbExecutionTime", 0x0C),
        ("ReceivedAsBcc", 0x0D),
        ("Sender", 0x0E),
        ("CalendarType", 0x0F),
        ("IsLeapMonth", 0x10),
        ("AccountId", 0x11),
        ("FirstDayOfWeek", 0x12),
        ("MeetingMessageType", 0x13),
        ("IsDraft", 0x15),
        ("Bcc", 0x16),
        ("Send", 0x17),
    ]
)

// [MS-ASWBXML] 2.1.2.1.24 Code Page 23: Notes
let notesSpecificationPage = SpecificationCodePage(
    number: 23,
    namespace: "Notes",
    section: "2.1.2.1.24",
    pairs: [
        ("Subject", 0x05),
        ("MessageClass", 0x06),
        ("LastModifiedDate", 0x07),
        ("Categories", 0x08),
        ("Category", 0x09),
    ]
)

// [MS-ASWBXML] 2.1.2.1.25 Code Page 24: RightsManagement
let rightsManagementSpecificationPage = SpecificationCodePage(
    number: 24,
    namespace: "RightsManagement",
    section: "2.1.2.1.25",
    pairs: [
        ("RightsManagementSupport", 0x05),
        ("RightsManagementTemplates", 0x06),
        ("RightsManagementTemplate", 0x07),
        ("RightsManagementLicense", 0x08),
        ("EditAllowed", 0x09),
        ("ReplyAllowed", 0x0A),
        ("ReplyAllAllowed", 0x0B),
        ("ForwardAllowed", 0x0C),
        ("ModifyRecipientsAllowed", 0x0D),
        ("ExtractAllowed", 0x0E),
        ("PrintAllowed", 0x0F),
        ("ExportAllowed", 0x10),
        ("ProgrammaticAccessAllowed", 0x11),
        ("Owner", 0x12),
        ("ContentExpiryDate", 0x13),
        ("TemplateID", 0x14),
        ("TemplateName", 0x15),
        ("TemplateDescription", 0x16),
        ("ContentOwner", 0x17),
        ("RemoveRightsManagementProtection", 0x18),
    ]
)

// [MS-ASWBXML] 2.1.2.1.26 Code Page 25: Find
let findSpecificationPage = SpecificationCodePage(
    number: 25,
    namespace: "Find",
    section: "2.1.2.1.26",
    pairs: [
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
    ]
)

/// The 26 code pages of [MS-ASWBXML] section 2.1.2.1, indexed by code page number.
let specificationCodePages: [SpecificationCodePage] = [
    airSyncSpecificationPage,
    contactsSpecificationPage,
    emailSpecificationPage,
    airNotifySpecificationPage,
    calendarSpecificationPage,
    moveSpecificationPage,
    getItemEstimateSpecificationPage,
    folderHierarchySpecificationPage,
    meetingResponseSpecificationPage,
    tasksSpecificationPage,
    resolveRecipientsSpecificationPage,
    validateCertSpecificationPage,
    contacts2SpecificationPage,
    pingSpecificationPage,
    provisionSpecificationPage,
    searchSpecificationPage,
    galSpecificationPage,
    airSyncBaseSpecificationPage,
    settingsSpecificationPage,
    documentLibrarySpecificationPage,
    itemOperationsSpecificationPage,
    composeMailSpecificationPage,
    email2SpecificationPage,
    notesSpecificationPage,
    rightsManagementSpecificationPage,
    findSpecificationPage,
]
