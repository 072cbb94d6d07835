// Tags whose [MS-ASWBXML] 2.1.2.1 token libwbxml 0.11.8 (Debian libwbxml2-utils 0.11.8+dfsg-3)
// lacks or gets wrong, found by encoding each tag with xml2wbxml and decoding every token with
// wbxml2xml. Details: Tests/WBXMLTests/Fixtures/README.md, "Tokens libwbxml 0.11.8 lacks".
//
//   Page Tag                                        Spec  libwbxml 0.11.8
//    1   Contacts:AssistantPhoneNumber              0x07  calls it AssistantTelephoneNumber; can't encode the name
//    1   Contacts:BusinessAddressCity               0x0D  calls it BusinessCity; can't encode the name
//    1   Contacts:BusinessAddressCountry            0x0E  calls it BusinessCountry; can't encode the name
//    1   Contacts:BusinessAddressPostalCode         0x0F  calls it BusinessPostalCode; can't encode the name
//    1   Contacts:BusinessAddressState              0x10  calls it BusinessState; can't encode the name
//    1   Contacts:BusinessAddressStreet             0x11  calls it BusinessStreet; can't encode the name
//    1   Contacts:HomeAddressCity                   0x21  calls it HomeCity; can't encode the name
//    1   Contacts:HomeAddressCountry                0x22  calls it HomeCountry; can't encode the name
//    1   Contacts:HomeAddressPostalCode             0x23  calls it HomePostalCode; can't encode the name
//    1   Contacts:HomeAddressState                  0x24  calls it HomeState; can't encode the name
//    1   Contacts:HomeAddressStreet                 0x25  calls it HomeStreet; can't encode the name
//    1   Contacts:OtherAddressCity                  0x2D  calls it OtherCity; can't encode the name
//    1   Contacts:OtherAddressCountry               0x2E  calls it OtherCountry; can't encode the name
//    1   Contacts:OtherAddressPostalCode            0x2F  calls it OtherPostalCode; can't encode the name
//    1   Contacts:OtherAddressState                 0x30  calls it OtherState; can't encode the name
//    1   Contacts:OtherAddressStreet                0x31  calls it OtherStreet; can't encode the name
//    2   Email:ReplyTo                              0x19  calls it Reply-To; can't encode the name
//    2   Email:DtStamp                              0x1D  calls it DTStamp; can't encode the name
//    2   Email:Type                                 0x29  calls it Recurrence_Type; encodes as FolderHierarchy 0x0A
//    2   Email:Until                                0x2A  calls it Recurrence_Until; can't encode the name
//    2   Email:Occurrences                          0x2B  calls it Recurrence_Occurrences; can't encode the name
//    2   Email:Interval                             0x2C  calls it Recurrence_Interval; can't encode the name
//    2   Email:DayOfWeek                            0x2D  calls it Recurrence_DayOfWeek; can't encode the name
//    2   Email:DayOfMonth                           0x2E  calls it Recurrence_DayOfMonth; can't encode the name
//    2   Email:WeekOfMonth                          0x2F  calls it Recurrence_WeekOfMonth; can't encode the name
//    2   Email:MonthOfYear                          0x30  calls it Recurrence_MonthOfYear; can't encode the name
//    2   Email:Status                               0x3B  calls it FlagStatus; encodes as AirSync 0x0E
//    4   Calendar:Timezone                          0x05  calls it TimeZone; can't encode the name
//    4   Calendar:Email                             0x09  calls it Attendee_Email; can't encode the name
//    4   Calendar:Name                              0x0A  calls it Attendee_Name; encodes as Search 0x08
//    4   Calendar:DtStamp                           0x11  calls it DTStamp; can't encode the name
//    4   Calendar:Deleted                           0x15  calls it Exception_Deleted; can't encode the name
//    4   Calendar:ExceptionStartTime                0x16  calls it Exception_StartTime; can't encode the name
//    4   Calendar:OrganizerEmail                    0x19  calls it Organizer_Email; can't encode the name
//    4   Calendar:OrganizerName                     0x1A  calls it Organizer_Name; can't encode the name
//    4   Calendar:Type                              0x1C  calls it Recurrence_Type; encodes as FolderHierarchy 0x0A
//    4   Calendar:Until                             0x1D  calls it Recurrence_Until; can't encode the name
//    4   Calendar:Occurrences                       0x1E  calls it Recurrence_Occurrences; can't encode the name
//    4   Calendar:Interval                          0x1F  calls it Recurrence_Interval; can't encode the name
//    4   Calendar:DayOfWeek                         0x20  calls it Recurrence_DayOfWeek; can't encode the name
//    4   Calendar:DayOfMonth                        0x21  calls it Recurrence_DayOfMonth; can't encode the name
//    4   Calendar:WeekOfMonth                       0x22  calls it Recurrence_WeekOfMonth; can't encode the name
//    4   Calendar:MonthOfYear                       0x23  calls it Recurrence_MonthOfYear; can't encode the name
//    4   Calendar:AttendeeStatus                    0x29  calls it Attendee_Status; can't encode the name
//    4   Calendar:AttendeeType                      0x2A  calls it Attendee_Type; can't encode the name
//    8   MeetingResponse:ProposedStartTime          0x10  no tag at this token; can't encode the name
//    8   MeetingResponse:ProposedEndTime            0x11  no tag at this token; can't encode the name
//    9   Tasks:UtcDueDate                           0x0D  calls it UTCDueDate; can't encode the name
//    9   Tasks:Type                                 0x10  calls it Recurrence_Type; encodes as FolderHierarchy 0x0A
//    9   Tasks:Start                                0x11  calls it Recurrence_Start; can't encode the name
//    9   Tasks:Until                                0x12  calls it Recurrence_Until; can't encode the name
//    9   Tasks:Occurrences                          0x13  calls it Recurrence_Occurrences; can't encode the name
//    9   Tasks:Interval                             0x14  calls it Recurrence_Interval; can't encode the name
//    9   Tasks:DayOfMonth                           0x15  calls it Recurrence_DayOfMonth; can't encode the name
//    9   Tasks:DayOfWeek                            0x16  calls it Recurrence_DayOfWeek; can't encode the name
//    9   Tasks:WeekOfMonth                          0x17  calls it Recurrence_WeekOfMonth; can't encode the name
//    9   Tasks:MonthOfYear                          0x18  calls it Recurrence_MonthOfYear; can't encode the name
//    9   Tasks:Regenerate                           0x19  calls it Recurrence_Regenerate; can't encode the name
//    9   Tasks:DeadOccur                            0x1A  calls it Recurrence_DeadOccur; can't encode the name
//    9   Tasks:UtcStartDate                         0x1F  calls it UTCStartDate; can't encode the name
//   14   Provision:RequireStorageCardEncryption     0x10  calls it DeviceEncryptionEnabled; encodes right
//   14   Provision:AccountOnlyRemoteWipe            0x3B  no tag at this token; can't encode the name
//   18   Settings:SMTPAddress                       0x1F  calls it SmtpAddress; can't encode the name
//   18   Settings:RightsManagementInformation       0x2B  calls it ihsManagementInformation; can't encode the name
//   21   ComposeMail:Mime                           0x10  calls it MIME; can't encode the name
//   21   ComposeMail:Name                           0x17  calls it ForwardeeName; encodes as Search 0x08
//   21   ComposeMail:Email                          0x18  calls it ForwardeeEmail; can't encode the name
//   24   RightsManagement:Owner                     0x12  calls it RMOwner; can't encode the name
//   24   RightsManagement:RemoveRightsManagementProtection 0x18  calls it RemoveRightsManagementDistribution; can't encode the name
//   25   Find:Find                                  0x05  no tag at this token; can't encode the name
//   25   Find:SearchId                              0x06  no tag at this token; can't encode the name
//   25   Find:ExecuteSearch                         0x07  no tag at this token; can't encode the name
//   25   Find:MailBoxSearchCriterion                0x08  no tag at this token; can't encode the name
//   25   Find:Query                                 0x09  no tag at this token; encodes as Search 0x09
//   25   Find:Status                                0x0A  no tag at this token; encodes as AirSync 0x0E
//   25   Find:FreeText                              0x0B  no tag at this token; encodes as Search 0x15
//   25   Find:Options                               0x0C  no tag at this token; encodes as AirSync 0x17
//   25   Find:Range                                 0x0D  no tag at this token; encodes as Search 0x0B
//   25   Find:DeepTraversal                         0x0E  no tag at this token; encodes as Search 0x17
//   25   Find:Response                              0x11  no tag at this token; encodes as Move 0x0A
//   25   Find:Result                                0x12  no tag at this token; encodes as MeetingResponse 0x0A
//   25   Find:Properties                            0x13  no tag at this token; encodes as Search 0x0F
//   25   Find:Preview                               0x14  no tag at this token; encodes as AirSyncBase 0x18
//   25   Find:HasAttachments                        0x15  no tag at this token; can't encode the name
//   25   Find:Total                                 0x16  no tag at this token; encodes as Search 0x10
//   25   Find:DisplayCc                             0x17  no tag at this token; can't encode the name
//   25   Find:DisplayBcc                            0x18  no tag at this token; can't encode the name
//   25   Find:GalSearchCriterion                    0x19  no tag at this token; can't encode the name
//   25   Find:MaxPictures                           0x20  no tag at this token; encodes as ResolveRecipients 0x1D
//   25   Find:MaxSize                               0x21  no tag at this token; encodes as ResolveRecipients 0x1B
//   25   Find:Picture                               0x22  no tag at this token; encodes as Contacts 0x3C
//
// Note: libwbxml calls the page 16 namespace "Gal:", not "GAL:" (see libwbxmlNamespaceNames).

/// Tags libwbxml 0.11.8 has no tag for at the specification's token (16.x additions). The
/// fixtures using them have no `.wbxml` and are left out of the cross-check; these tokens are
/// checked against the specification table instead (`libwbxmlLacksOnlyTokensTheSpecificationHas`).
let libwbxmlMissingTokens: [(namespace: String, name: String)] = [
    ("MeetingResponse", "ProposedStartTime"),
    ("MeetingResponse", "ProposedEndTime"),
    ("Provision", "AccountOnlyRemoteWipe"),
    ("Find", "Find"),
    ("Find", "SearchId"),
    ("Find", "ExecuteSearch"),
    ("Find", "MailBoxSearchCriterion"),
    ("Find", "Query"),
    ("Find", "Status"),
    ("Find", "FreeText"),
    ("Find", "Options"),
    ("Find", "Range"),
    ("Find", "DeepTraversal"),
    ("Find", "Response"),
    ("Find", "Result"),
    ("Find", "Properties"),
    ("Find", "Preview"),
    ("Find", "HasAttachments"),
    ("Find", "Total"),
    ("Find", "DisplayCc"),
    ("Find", "DisplayBcc"),
    ("Find", "GalSearchCriterion"),
    ("Find", "MaxPictures"),
    ("Find", "MaxSize"),
    ("Find", "Picture"),
]

/// libwbxml's own name for a tag where it differs from the specification's, by namespace then
/// specification name. The tokens are the same; only the XML spelling differs.
let libwbxmlTagNames: [String: [String: String]] = [
    "Contacts": [
        "AssistantPhoneNumber": "AssistantTelephoneNumber",
        "BusinessAddressCity": "BusinessCity",
        "BusinessAddressCountry": "BusinessCountry",
        "BusinessAddressPostalCode": "BusinessPostalCode",
        "BusinessAddressState": "BusinessState",
        "BusinessAddressStreet": "BusinessStreet",
        "HomeAddressCity": "HomeCity",
        "HomeAddressCountry": "HomeCountry",
        "HomeAddressPostalCode": "HomePostalCode",
        "HomeAddressState": "HomeState",
        "HomeAddressStreet": "HomeStreet",
        "OtherAddressCity": "OtherCity",
        "OtherAddressCountry": "OtherCountry",
        "OtherAddressPostalCode": "OtherPostalCode",
        "OtherAddressState": "OtherState",
        "OtherAddressStreet": "OtherStreet",
    ],
    "Email": [
        "ReplyTo": "Reply-To",
        "DtStamp": "DTStamp",
        "Type": "Recurrence_Type",
        "Until": "Recurrence_Until",
        "Occurrences": "Recurrence_Occurrences",
        "Interval": "Recurrence_Interval",
        "DayOfWeek": "Recurrence_DayOfWeek",
        "DayOfMonth": "Recurrence_DayOfMonth",
        "WeekOfMonth": "Recurrence_WeekOfMonth",
        "MonthOfYear": "Recurrence_MonthOfYear",
        "Status": "FlagStatus",
    ],
    "Calendar": [
        "Timezone": "TimeZone",
        "Email": "Attendee_Email",
        "Name": "Attendee_Name",
        "DtStamp": "DTStamp",
        "Deleted": "Exception_Deleted",
        "ExceptionStartTime": "Exception_StartTime",
        "OrganizerEmail": "Organizer_Email",
        "OrganizerName": "Organizer_Name",
        "Type": "Recurrence_Type",
        "Until": "Recurrence_Until",
        "Occurrences": "Recurrence_Occurrences",
        "Interval": "Recurrence_Interval",
        "DayOfWeek": "Recurrence_DayOfWeek",
        "DayOfMonth": "Recurrence_DayOfMonth",
        "WeekOfMonth": "Recurrence_WeekOfMonth",
        "MonthOfYear": "Recurrence_MonthOfYear",
        "AttendeeStatus": "Attendee_Status",
        "AttendeeType": "Attendee_Type",
    ],
    "Tasks": [
        "UtcDueDate": "UTCDueDate",
        "Type": "Recurrence_Type",
        "Start": "Recurrence_Start",
        "Until": "Recurrence_Until",
        "Occurrences": "Recurrence_Occurrences",
        "Interval": "Recurrence_Interval",
        "DayOfMonth": "Recurrence_DayOfMonth",
        "DayOfWeek": "Recurrence_DayOfWeek",
        "WeekOfMonth": "Recurrence_WeekOfMonth",
        "MonthOfYear": "Recurrence_MonthOfYear",
        "Regenerate": "Recurrence_Regenerate",
        "DeadOccur": "Recurrence_DeadOccur",
        "UtcStartDate": "UTCStartDate",
    ],
    "Provision": [
        "RequireStorageCardEncryption": "DeviceEncryptionEnabled"
    ],
    "Settings": [
        "SMTPAddress": "SmtpAddress",
        "RightsManagementInformation": "ihsManagementInformation",
    ],
    "ComposeMail": [
        "Mime": "MIME",
        "Name": "ForwardeeName",
        "Email": "ForwardeeEmail",
    ],
    "RightsManagement": [
        "Owner": "RMOwner",
        "RemoveRightsManagementProtection": "RemoveRightsManagementDistribution",
    ],
]

/// Namespace names where libwbxml's ActiveSync tables differ from Tern's, keyed by Tern's name.
let libwbxmlNamespaceNames: [String: String] = ["GAL": "Gal"]
