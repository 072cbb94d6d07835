// Written from `CodePage.email2` by TagConstantTests; do not edit by hand.

/// The tags of code page 22, Email2, as constants: a misspelt tag does not compile.
public enum Email2Tag {
    /// `Email2:UmCallerID`
    public static let umCallerID = WBXMLTag(known: 22, 0x05)
    /// `Email2:UmUserNotes`
    public static let umUserNotes = WBXMLTag(known: 22, 0x06)
    /// `Email2:UmAttDuration`
    public static let umAttDuration = WBXMLTag(known: 22, 0x07)
    /// `Email2:UmAttOrder`
    public static let umAttOrder = WBXMLTag(known: 22, 0x08)
    /// `Email2:ConversationId`
    public static let conversationId = WBXMLTag(known: 22, 0x09)
    /// `Email2:ConversationIndex`
    public static let conversationIndex = WBXMLTag(known: 22, 0x0A)
    /// `Email2:LastVerbExecuted`
    public static let lastVerbExecuted = WBXMLTag(known: 22, 0x0B)
    /// `Email2:LastVerbExecutionTime`
    public static let lastVerbExecutionTime = WBXMLTag(known: 22, 0x0C)
    /// `Email2:ReceivedAsBcc`
    public static let receivedAsBcc = WBXMLTag(known: 22, 0x0D)
    /// `Email2:Sender`
    public static let sender = WBXMLTag(known: 22, 0x0E)
    /// `Email2:CalendarType`
    public static let calendarType = WBXMLTag(known: 22, 0x0F)
    /// `Email2:IsLeapMonth`
    public static let isLeapMonth = WBXMLTag(known: 22, 0x10)
    /// `Email2:AccountId`
    public static let accountId = WBXMLTag(known: 22, 0x11)
    /// `Email2:FirstDayOfWeek`
    public static let firstDayOfWeek = WBXMLTag(known: 22, 0x12)
    /// `Email2:MeetingMessageType`
    public static let meetingMessageType = WBXMLTag(known: 22, 0x13)
    /// `Email2:IsDraft`
    public static let isDraft = WBXMLTag(known: 22, 0x15)
    /// `Email2:Bcc`
    public static let bcc = WBXMLTag(known: 22, 0x16)
    /// `Email2:Send`
    public static let send = WBXMLTag(known: 22, 0x17)
}
