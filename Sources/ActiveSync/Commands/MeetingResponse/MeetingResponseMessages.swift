public import WBXML

/// A MeetingResponse request (MS-ASCMD 2.2.1.11): the user's answer to meeting requests in
/// their Inbox or events in their Calendar.
///
/// ```xml
/// <MeetingResponse xmlns="MeetingResponse:"><Request><UserResponse>1</UserResponse>
///   <CollectionId>5</CollectionId><RequestId>5:3</RequestId><SendResponse/></Request></MeetingResponse>
/// ```
public struct MeetingResponseRequest: DecodableRequest, Hashable {
    public static let rootTag = MeetingResponseTag.meetingResponse
    public static let malformedStatus = MeetingResponseStatus(.invalidXML)

    /// UserResponse (MS-ASCMD 2.2.3.194).
    public enum Answer: Int, Hashable, Sendable {
        case accepted = 1
        case tentative = 2
        case declined = 3
    }

    public struct Request: Hashable, Sendable {
        public let answer: Answer
        /// The folder of the item; nil when a search:LongId names it instead.
        public let collectionID: String?
        /// The item's RequestId, or the search:LongId that stands for it.
        public let requestID: String
        /// Whether `requestID` is a search:LongId (an item found by Search).
        public let isLongID: Bool
        /// The occurrence of a recurring meeting answered, when not the whole series.
        public let instanceID: String?
        /// 16.0+: the server sends the answer to the organizer (before 16.0 the device does, with SendMail).
        public let sendResponse: Bool

        public init(
            answer: Answer, collectionID: String?, requestID: String, isLongID: Bool = false, instanceID: String? = nil,
            sendResponse: Bool = false
        ) {
            self.answer = answer
            self.collectionID = collectionID
            self.requestID = requestID
            self.isLongID = isLongID
            self.instanceID = instanceID
            self.sendResponse = sendResponse
        }

        /// The item answered: the folder and RequestId, or the LongId.
        public var item: ItemReference? {
            if isLongID { return .longID(requestID) }
            return collectionID.map { .server(collectionID: $0, serverID: requestID) }
        }
    }

    public let requests: [Request]

    public init(requests: [Request]) {
        self.requests = requests
    }

    /// Status 103 when the root is not MeetingResponse, a Request lacks UserResponse or both a
    /// search:LongId and CollectionId with RequestId, its UserResponse is not 1–3, there is
    /// none or more than `RequestLimits.meetingResponses`.
    public init(_ root: WBXMLElement) throws(RequestDecodingError<MeetingResponseStatus>) {
        try Self.requireRoot(root)
        var requests: [Request] = []
        for element in root.elements where element.tag == MeetingResponseTag.request {
            let text = try element.requiredText(MeetingResponseTag.userResponse, for: Self.self)
            guard let answer = Int(text).flatMap(Answer.init(rawValue:)) else {
                throw Self.malformed("UserResponse \(text) is not 1, 2 or 3")
            }
            let instanceID = element.firstElement(MeetingResponseTag.instanceId)?.text
            let sendResponse = element.firstElement(MeetingResponseTag.sendResponse) != nil
            if let longID = element.firstElement(SearchTag.longId)?.text, !longID.isEmpty {
                requests.append(
                    Request(
                        answer: answer, collectionID: nil, requestID: longID, isLongID: true, instanceID: instanceID,
                        sendResponse: sendResponse))
                continue
            }
            requests.append(
                Request(
                    answer: answer,
                    collectionID: try element.requiredText(MeetingResponseTag.collectionId, for: Self.self),
                    requestID: try element.requiredText(MeetingResponseTag.requestId, for: Self.self),
                    instanceID: instanceID, sendResponse: sendResponse))
        }
        guard !requests.isEmpty else { throw Self.malformed("no Request") }
        guard requests.count <= RequestLimits.meetingResponses else {
            throw Self.malformed("\(requests.count) requests, over the limit of \(RequestLimits.meetingResponses)")
        }
        self.requests = requests
    }

    /// The request as a device writes it, children in the schema's order.
    public var element: WBXMLElement {
        WBXMLElement(
            MeetingResponseTag.meetingResponse,
            elements: requests.map { request in
                var children = [WBXMLElement(MeetingResponseTag.userResponse, text: String(request.answer.rawValue))]
                if request.isLongID {
                    children.append(WBXMLElement(SearchTag.longId, text: request.requestID))
                } else {
                    children.append(WBXMLElement(MeetingResponseTag.collectionId, text: request.collectionID ?? ""))
                    children.append(WBXMLElement(MeetingResponseTag.requestId, text: request.requestID))
                }
                if let instance = request.instanceID {
                    children.append(WBXMLElement(MeetingResponseTag.instanceId, text: instance))
                }
                if request.sendResponse { children.append(WBXMLElement(MeetingResponseTag.sendResponse)) }
                return WBXMLElement(MeetingResponseTag.request, elements: children)
            })
    }
}

/// A MeetingResponse response: per request its RequestId, Status and, unless declined, the
/// CalendarId of the event in the user's calendar.
public struct MeetingResponseResponse: Hashable, Sendable {
    public struct Result: Hashable, Sendable {
        public let requestID: String
        public let status: MeetingResponseStatus
        public let calendarID: String?

        public init(requestID: String, status: MeetingResponseStatus, calendarID: String? = nil) {
            self.requestID = requestID
            self.status = status
            self.calendarID = calendarID
        }
    }

    public var results: [Result]

    public init(results: [Result]) { self.results = results }

    /// Reads a server's answer, as a device does; nil when the root is not MeetingResponse or
    /// a Result lacks its RequestId or Status.
    public init?(_ root: WBXMLElement) {
        guard root.tag == MeetingResponseTag.meetingResponse else { return nil }
        var results: [Result] = []
        for element in root.elements where element.tag == MeetingResponseTag.result {
            guard let requestID = element.firstElement(MeetingResponseTag.requestId)?.text,
                let status = MeetingResponseStatus(text: element.firstElement(MeetingResponseTag.status)?.text)
            else { return nil }
            results.append(
                Result(
                    requestID: requestID, status: status,
                    calendarID: element.firstElement(MeetingResponseTag.calendarId)?.text))
        }
        self.results = results
    }

    public var element: WBXMLElement {
        WBXMLElement(
            MeetingResponseTag.meetingResponse,
            elements: results.map { result in
                var children = [
                    WBXMLElement(MeetingResponseTag.requestId, text: result.requestID),
                    WBXMLElement(MeetingResponseTag.status, text: result.status.text),
                ]
                if let calendar = result.calendarID {
                    children.append(WBXMLElement(MeetingResponseTag.calendarId, text: calendar))
                }
                return WBXMLElement(MeetingResponseTag.result, elements: children)
            })
    }
}

/// MeetingResponse Status values (MS-ASCMD 2.2.3.177.9 in 16.1's numbering, 2.2.3.177.8 before).
public struct MeetingResponseStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let success = MeetingResponseStatus(rawValue: 1)
    /// The item is not a meeting request, or no such item is in the folder.
    public static let invalidMeetingRequest = MeetingResponseStatus(rawValue: 2)
    /// The user's mailbox could not be read or written.
    public static let mailboxError = MeetingResponseStatus(rawValue: 3)
    public static let serverError = MeetingResponseStatus(rawValue: 4)
}
