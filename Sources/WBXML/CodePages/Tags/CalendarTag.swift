// Written from `CodePage.calendar` by TagConstantTests; do not edit by hand.

/// The tags of code page 4, Calendar, as constants: a misspelt tag does not compile.
public enum CalendarTag {
    /// `Calendar:Timezone`
    public static let timezone = WBXMLTag(known: 4, 0x05)
    /// `Calendar:AllDayEvent`
    public static let allDayEvent = WBXMLTag(known: 4, 0x06)
    /// `Calendar:Attendees`
    public static let attendees = WBXMLTag(known: 4, 0x07)
    /// `Calendar:Attendee`
    public static let attendee = WBXMLTag(known: 4, 0x08)
    /// `Calendar:Email`
    public static let email = WBXMLTag(known: 4, 0x09)
    /// `Calendar:Name`
    public static let name = WBXMLTag(known: 4, 0x0A)
    /// `Calendar:BusyStatus`
    public static let busyStatus = WBXMLTag(known: 4, 0x0D)
    /// `Calendar:Categories`
    public static let categories = WBXMLTag(known: 4, 0x0E)
    /// `Calendar:Category`
    public static let category = WBXMLTag(known: 4, 0x0F)
    /// `Calendar:DtStamp`
    public static let dtStamp = WBXMLTag(known: 4, 0x11)
    /// `Calendar:EndTime`
    public static let endTime = WBXMLTag(known: 4, 0x12)
    /// `Calendar:Exception`
    public static let exception = WBXMLTag(known: 4, 0x13)
    /// `Calendar:Exceptions`
    public static let exceptions = WBXMLTag(known: 4, 0x14)
    /// `Calendar:Deleted`
    public static let deleted = WBXMLTag(known: 4, 0x15)
    /// `Calendar:ExceptionStartTime`
    public static let exceptionStartTime = WBXMLTag(known: 4, 0x16)
    /// `Calendar:Location`
    public static let location = WBXMLTag(known: 4, 0x17)
    /// `Calendar:MeetingStatus`
    public static let meetingStatus = WBXMLTag(known: 4, 0x18)
    /// `Calendar:OrganizerEmail`
    public static let organizerEmail = WBXMLTag(known: 4, 0x19)
    /// `Calendar:OrganizerName`
    public static let organizerName = WBXMLTag(known: 4, 0x1A)
    /// `Calendar:Recurrence`
    public static let recurrence = WBXMLTag(known: 4, 0x1B)
    /// `Calendar:Type`
    public static let type = WBXMLTag(known: 4, 0x1C)
    /// `Calendar:Until`
    public static let until = WBXMLTag(known: 4, 0x1D)
    /// `Calendar:Occurrences`
    public static let occurrences = WBXMLTag(known: 4, 0x1E)
    /// `Calendar:Interval`
    public static let interval = WBXMLTag(known: 4, 0x1F)
    /// `Calendar:DayOfWeek`
    public static let dayOfWeek = WBXMLTag(known: 4, 0x20)
    /// `Calendar:DayOfMonth`
    public static let dayOfMonth = WBXMLTag(known: 4, 0x21)
    /// `Calendar:WeekOfMonth`
    public static let weekOfMonth = WBXMLTag(known: 4, 0x22)
    /// `Calendar:MonthOfYear`
    public static let monthOfYear = WBXMLTag(known: 4, 0x23)
    /// `Calendar:Reminder`
    public static let reminder = WBXMLTag(known: 4, 0x24)
    /// `Calendar:Sensitivity`
    public static let sensitivity = WBXMLTag(known: 4, 0x25)
    /// `Calendar:Subject`
    public static let subject = WBXMLTag(known: 4, 0x26)
    /// `Calendar:StartTime`
    public static let startTime = WBXMLTag(known: 4, 0x27)
    /// `Calendar:UID`
    public static let uid = WBXMLTag(known: 4, 0x28)
    /// `Calendar:AttendeeStatus`
    public static let attendeeStatus = WBXMLTag(known: 4, 0x29)
    /// `Calendar:AttendeeType`
    public static let attendeeType = WBXMLTag(known: 4, 0x2A)
    /// `Calendar:DisallowNewTimeProposal`
    public static let disallowNewTimeProposal = WBXMLTag(known: 4, 0x33)
    /// `Calendar:ResponseRequested`
    public static let responseRequested = WBXMLTag(known: 4, 0x34)
    /// `Calendar:AppointmentReplyTime`
    public static let appointmentReplyTime = WBXMLTag(known: 4, 0x35)
    /// `Calendar:ResponseType`
    public static let responseType = WBXMLTag(known: 4, 0x36)
    /// `Calendar:CalendarType`
    public static let calendarType = WBXMLTag(known: 4, 0x37)
    /// `Calendar:IsLeapMonth`
    public static let isLeapMonth = WBXMLTag(known: 4, 0x38)
    /// `Calendar:FirstDayOfWeek`
    public static let firstDayOfWeek = WBXMLTag(known: 4, 0x39)
    /// `Calendar:OnlineMeetingConfLink`
    public static let onlineMeetingConfLink = WBXMLTag(known: 4, 0x3A)
    /// `Calendar:OnlineMeetingExternalLink`
    public static let onlineMeetingExternalLink = WBXMLTag(known: 4, 0x3B)
    /// `Calendar:ClientUid`
    public static let clientUid = WBXMLTag(known: 4, 0x3C)
}
