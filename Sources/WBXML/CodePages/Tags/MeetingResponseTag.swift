// Written from `CodePage.meetingResponse` by TagConstantTests; do not edit by hand.

/// The tags of code page 8, MeetingResponse, as constants: a misspelt tag does not compile.
public enum MeetingResponseTag {
    /// `MeetingResponse:CalendarId`
    public static let calendarId = WBXMLTag(known: 8, 0x05)
    /// `MeetingResponse:CollectionId`
    public static let collectionId = WBXMLTag(known: 8, 0x06)
    /// `MeetingResponse:MeetingResponse`
    public static let meetingResponse = WBXMLTag(known: 8, 0x07)
    /// `MeetingResponse:RequestId`
    public static let requestId = WBXMLTag(known: 8, 0x08)
    /// `MeetingResponse:Request`
    public static let request = WBXMLTag(known: 8, 0x09)
    /// `MeetingResponse:Result`
    public static let result = WBXMLTag(known: 8, 0x0A)
    /// `MeetingResponse:Status`
    public static let status = WBXMLTag(known: 8, 0x0B)
    /// `MeetingResponse:UserResponse`
    public static let userResponse = WBXMLTag(known: 8, 0x0C)
    /// `MeetingResponse:InstanceId`
    public static let instanceId = WBXMLTag(known: 8, 0x0E)
    /// `MeetingResponse:ProposedStartTime`
    public static let proposedStartTime = WBXMLTag(known: 8, 0x10)
    /// `MeetingResponse:ProposedEndTime`
    public static let proposedEndTime = WBXMLTag(known: 8, 0x11)
    /// `MeetingResponse:SendResponse`
    public static let sendResponse = WBXMLTag(known: 8, 0x12)
}
