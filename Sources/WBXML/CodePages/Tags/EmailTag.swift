// Written from `CodePage.email` by TagConstantTests; do not edit by hand.

/// The tags of code page 2, Email, as constants: a misspelt tag does not compile.
public enum EmailTag {
    /// `Email:DateReceived`
    public static let dateReceived = WBXMLTag(known: 2, 0x0F)
    /// `Email:DisplayTo`
    public static let displayTo = WBXMLTag(known: 2, 0x11)
    /// `Email:Importance`
    public static let importance = WBXMLTag(known: 2, 0x12)
    /// `Email:MessageClass`
    public static let messageClass = WBXMLTag(known: 2, 0x13)
    /// `Email:Subject`
    public static let subject = WBXMLTag(known: 2, 0x14)
    /// `Email:Read`
    public static let read = WBXMLTag(known: 2, 0x15)
    /// `Email:To`
    public static let to = WBXMLTag(known: 2, 0x16)
    /// `Email:Cc`
    public static let cc = WBXMLTag(known: 2, 0x17)
    /// `Email:From`
    public static let from = WBXMLTag(known: 2, 0x18)
    /// `Email:ReplyTo`
    public static let replyTo = WBXMLTag(known: 2, 0x19)
    /// `Email:AllDayEvent`
    public static let allDayEvent = WBXMLTag(known: 2, 0x1A)
    /// `Email:Categories`
    public static let categories = WBXMLTag(known: 2, 0x1B)
    /// `Email:Category`
    public static let category = WBXMLTag(known: 2, 0x1C)
    /// `Email:DtStamp`
    public static let dtStamp = WBXMLTag(known: 2, 0x1D)
    /// `Email:EndTime`
    public static let endTime = WBXMLTag(known: 2, 0x1E)
    /// `Email:InstanceType`
    public static let instanceType = WBXMLTag(known: 2, 0x1F)
    /// `Email:BusyStatus`
    public static let busyStatus = WBXMLTag(known: 2, 0x20)
    /// `Email:Location`
    public static let location = WBXMLTag(known: 2, 0x21)
    /// `Email:MeetingRequest`
    public static let meetingRequest = WBXMLTag(known: 2, 0x22)
    /// `Email:Organizer`
    public static let organizer = WBXMLTag(known: 2, 0x23)
    /// `Email:RecurrenceId`
    public static let recurrenceId = WBXMLTag(known: 2, 0x24)
    /// `Email:Reminder`
    public static let reminder = WBXMLTag(known: 2, 0x25)
    /// `Email:ResponseRequested`
    public static let responseRequested = WBXMLTag(known: 2, 0x26)
    /// `Email:Recurrences`
    public static let recurrences = WBXMLTag(known: 2, 0x27)
    /// `Email:Recurrence`
    public static let recurrence = WBXMLTag(known: 2, 0x28)
    /// `Email:Type`
    public static let type = WBXMLTag(known: 2, 0x29)
    /// `Email:Until`
    public static let until = WBXMLTag(known: 2, 0x2A)
    /// `Email:Occurrences`
    public static let occurrences = WBXMLTag(known: 2, 0x2B)
    /// `Email:Interval`
    public static let interval = WBXMLTag(known: 2, 0x2C)
    /// `Email:DayOfWeek`
    public static let dayOfWeek = WBXMLTag(known: 2, 0x2D)
    /// `Email:DayOfMonth`
    public static let dayOfMonth = WBXMLTag(known: 2, 0x2E)
    /// `Email:WeekOfMonth`
    public static let weekOfMonth = WBXMLTag(known: 2, 0x2F)
    /// `Email:MonthOfYear`
    public static let monthOfYear = WBXMLTag(known: 2, 0x30)
    /// `Email:StartTime`
    public static let startTime = WBXMLTag(known: 2, 0x31)
    /// `Email:Sensitivity`
    public static let sensitivity = WBXMLTag(known: 2, 0x32)
    /// `Email:TimeZone`
    public static let timeZone = WBXMLTag(known: 2, 0x33)
    /// `Email:GlobalObjId`
    public static let globalObjId = WBXMLTag(known: 2, 0x34)
    /// `Email:ThreadTopic`
    public static let threadTopic = WBXMLTag(known: 2, 0x35)
    /// `Email:InternetCPID`
    public static let internetCPID = WBXMLTag(known: 2, 0x39)
    /// `Email:Flag`
    public static let flag = WBXMLTag(known: 2, 0x3A)
    /// `Email:Status`
    public static let status = WBXMLTag(known: 2, 0x3B)
    /// `Email:ContentClass`
    public static let contentClass = WBXMLTag(known: 2, 0x3C)
    /// `Email:FlagType`
    public static let flagType = WBXMLTag(known: 2, 0x3D)
    /// `Email:CompleteTime`
    public static let completeTime = WBXMLTag(known: 2, 0x3E)
    /// `Email:DisallowNewTimeProposal`
    public static let disallowNewTimeProposal = WBXMLTag(known: 2, 0x3F)
}
