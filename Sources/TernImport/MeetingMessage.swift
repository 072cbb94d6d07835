public import MIME
public import TernStore

/// The iTIP scheduling message (RFC 5546) a mail carries in its text/calendar part (iMIP,
/// RFC 6047): an invitation (REQUEST), its cancellation (CANCEL) or an attendee's answer
/// (REPLY), with the event as the message describes it.
public struct MeetingMessage: Sendable {
    public enum Method: String, Sendable {
        case request = "REQUEST"
        case cancel = "CANCEL"
        case reply = "REPLY"
    }

    public let method: Method
    /// The first VEVENT, its overrides merged; MeetingStatus as seen by the recipient.
    public let event: CalendarItem

    /// The scheduling message in `message`, read for a recipient with `recipientAddresses`;
    /// nil when it has no text/calendar part with a METHOD this server acts on and a usable VEVENT.
    public init?(in message: MIMEMessage, recipientAddresses: [String]) {
        guard let content = message.calendarContent, let text = content.text,
            let method = content.method.flatMap(Method.init(rawValue:))
        else { return nil }
        // Without a UID of its own the reader would make one up, different each time.
        guard text.split(whereSeparator: \.isNewline).contains(where: { $0.uppercased().hasPrefix("UID:") }) else {
            return nil
        }
        let reader = ICalendarReader(ownerAddresses: Set(recipientAddresses))
        let events = reader.read(text).imported.compactMap { object -> CalendarItem? in
            if case .event(let event) = object { event } else { nil }
        }
        guard let event = events.first else { return nil }
        self.method = method
        self.event = event
    }
}
