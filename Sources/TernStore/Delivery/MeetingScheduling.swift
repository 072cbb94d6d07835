public import MIME

/// What delivery does with a meeting message (iMIP: an invitation, its cancellation, an
/// attendee's answer) besides filing it: brings the recipient's calendar up to date.
/// TernServer's `MeetingScheduler` is the one; delivery without it only files the message.
public protocol MeetingScheduling: Sendable {
    func schedule(_ message: MIMEMessage, deliveredTo user: User) async
}
