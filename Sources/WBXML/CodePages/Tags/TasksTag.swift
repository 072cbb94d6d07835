// Written from `CodePage.tasks` by TagConstantTests; do not edit by hand.

/// The tags of code page 9, Tasks, as constants: a misspelt tag does not compile.
public enum TasksTag {
    /// `Tasks:Categories`
    public static let categories = WBXMLTag(known: 9, 0x08)
    /// `Tasks:Category`
    public static let category = WBXMLTag(known: 9, 0x09)
    /// `Tasks:Complete`
    public static let complete = WBXMLTag(known: 9, 0x0A)
    /// `Tasks:DateCompleted`
    public static let dateCompleted = WBXMLTag(known: 9, 0x0B)
    /// `Tasks:DueDate`
    public static let dueDate = WBXMLTag(known: 9, 0x0C)
    /// `Tasks:UtcDueDate`
    public static let utcDueDate = WBXMLTag(known: 9, 0x0D)
    /// `Tasks:Importance`
    public static let importance = WBXMLTag(known: 9, 0x0E)
    /// `Tasks:Recurrence`
    public static let recurrence = WBXMLTag(known: 9, 0x0F)
    /// `Tasks:Type`
    public static let type = WBXMLTag(known: 9, 0x10)
    /// `Tasks:Start`
    public static let start = WBXMLTag(known: 9, 0x11)
    /// `Tasks:Until`
    public static let until = WBXMLTag(known: 9, 0x12)
    /// `Tasks:Occurrences`
    public static let occurrences = WBXMLTag(known: 9, 0x13)
    /// `Tasks:Interval`
    public static let interval = WBXMLTag(known: 9, 0x14)
    /// `Tasks:DayOfMonth`
    public static let dayOfMonth = WBXMLTag(known: 9, 0x15)
    /// `Tasks:DayOfWeek`
    public static let dayOfWeek = WBXMLTag(known: 9, 0x16)
    /// `Tasks:WeekOfMonth`
    public static let weekOfMonth = WBXMLTag(known: 9, 0x17)
    /// `Tasks:MonthOfYear`
    public static let monthOfYear = WBXMLTag(known: 9, 0x18)
    /// `Tasks:Regenerate`
    public static let regenerate = WBXMLTag(known: 9, 0x19)
    /// `Tasks:DeadOccur`
    public static let deadOccur = WBXMLTag(known: 9, 0x1A)
    /// `Tasks:ReminderSet`
    public static let reminderSet = WBXMLTag(known: 9, 0x1B)
    /// `Tasks:ReminderTime`
    public static let reminderTime = WBXMLTag(known: 9, 0x1C)
    /// `Tasks:Sensitivity`
    public static let sensitivity = WBXMLTag(known: 9, 0x1D)
    /// `Tasks:StartDate`
    public static let startDate = WBXMLTag(known: 9, 0x1E)
    /// `Tasks:UtcStartDate`
    public static let utcStartDate = WBXMLTag(known: 9, 0x1F)
    /// `Tasks:Subject`
    public static let subject = WBXMLTag(known: 9, 0x20)
    /// `Tasks:OrdinalDate`
    public static let ordinalDate = WBXMLTag(known: 9, 0x22)
    /// `Tasks:SubOrdinalDate`
    public static let subOrdinalDate = WBXMLTag(known: 9, 0x23)
    /// `Tasks:CalendarType`
    public static let calendarType = WBXMLTag(known: 9, 0x24)
    /// `Tasks:IsLeapMonth`
    public static let isLeapMonth = WBXMLTag(known: 9, 0x25)
    /// `Tasks:FirstDayOfWeek`
    public static let firstDayOfWeek = WBXMLTag(known: 9, 0x26)
}
