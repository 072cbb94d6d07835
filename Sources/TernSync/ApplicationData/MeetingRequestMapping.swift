import ActiveSync
import MIME
import TernImport
import TernStore

/// The `<email:MeetingRequest>` of an invitation or a cancellation, read from the message's
/// text/calendar part when it is synced; nil for any other mail.
enum MeetingRequestMapping {
    static func data(for email: EmailItem) -> MeetingRequestData? {
        let messageClass = email.properties.messageClass
        let isInvitation = messageClass == "IPM.Schedule.Meeting.Request"
        guard isInvitation || messageClass == "IPM.Schedule.Meeting.Canceled",
            let message = try? MIMEMessage(accepting: Array(email.raw)),
            let event = MeetingMessage(in: message, recipientAddresses: [])?.event
        else { return nil }
        return MeetingRequestData(
            allDayEvent: event.allDayEvent, startTime: event.startTime,
            dtStamp: event.dtStamp ?? email.properties.dateReceived, endTime: event.endTime,
            instanceType: event.recurrence == nil ? 0 : 1, location: event.location,
            organizer: event.organizerEmail.map {
                MailAddress(name: event.organizerName ?? "", address: $0).description
            },
            reminder: event.reminder.map { $0 * 60 }, responseRequested: isInvitation, sensitivity: event.sensitivity,
            busyStatus: event.busyStatus, timeZone: Array(event.timeZone ?? TimeZoneInformation.utc.encoded),
            globalObjectID: MeetingRequestData.globalObjectID(uid: event.uid),
            meetingMessageType: isInvitation ? 1 : nil)
    }
}
