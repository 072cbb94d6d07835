import ActiveSync
import Foundation
import MIME
import TernImport
import TernStore

/// MeetingResponse (MS-ASCMD 2.2.1.11): the user accepts, tentatively accepts or declines a
/// meeting request in their Inbox or an event in their Calendar. Accepting puts the event in
/// the calendar as busy (tentative: as tentative) with the user's attendee status; declining
/// removes it. A meeting request answered from the Inbox moves to Deleted Items, as Exchange
/// does. With SendResponse (16.0+; before, the device sends its own answer with SendMail)
/// the iTIP REPLY goes to the organizer through `MailSubmission`, locally or by the relay.
/// Each Request gets its own Result, with CalendarId unless declined: Status 2 for an item
/// that is no meeting request to answer (another organizer's UID, a cancelled meeting, one
/// occurrence by InstanceId, which is not supported yet). An item found by Search is named
/// by its LongId.
struct MeetingResponseHandler {
    let store: any Store
    let submission: MailSubmission

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let parsed = try request.decodedBody(as: MeetingResponseRequest.self)
        var results: [MeetingResponseResponse.Result] = []
        for answer in parsed.requests {
            results.append(
                await respond(answer, for: request.user, mayAskToSend: request.protocolVersion >= .v16_0))
        }
        return .document(MeetingResponseResponse(results: results).element)
    }

    private func respond(_ request: MeetingResponseRequest.Request, for user: User, mayAskToSend: Bool) async
        -> MeetingResponseResponse.Result
    {
        func result(_ status: MeetingResponseStatus, _ calendarID: String? = nil) -> MeetingResponseResponse.Result {
            MeetingResponseResponse.Result(requestID: request.requestID, status: status, calendarID: calendarID)
        }
        // One occurrence of a series is not answered yet: Status 2 rather than an answer to
        // the whole series.
        guard request.instanceID == nil, let (collectionID, serverID) = request.item?.location else {
            return result(.invalidMeetingRequest)
        }
        do {
            let folders = try await store.folders(of: user.id)
            guard let folder = folders.first(where: { $0.serverID == collectionID }),
                let calendar = folders.first(where: { $0.type == .calendar }),
                let item = try await store.item(in: folder.id, serverID: serverID),
                let meeting = try await meeting(in: item, of: user, calendar: calendar)
            else { return result(.invalidMeetingRequest) }

            var event = meeting.event
            let ownIndex = event.attendees.firstIndex { MeetingScheduler.owns(user, $0.email) }
            let ownAddress = ownIndex.map { event.attendees[$0].email } ?? user.primaryAddress ?? user.login
            if let ownIndex { event.attendees[ownIndex].status = request.answer.attendeeStatus }
            var calendarID: String?
            switch request.answer {
            case .declined:
                if let serverID = meeting.serverID { try await store.deleteItem(in: calendar.id, serverID: serverID) }
            case .accepted, .tentative:
                event.busyStatus = request.answer == .accepted ? 2 : 1
                if let serverID = meeting.serverID {
                    calendarID = try await store.updateItem(in: calendar.id, serverID: serverID, content: .event(event))
                        .serverID
                } else {
                    calendarID = try await store.addItem(.event(event), to: calendar.id).serverID
                }
            }
            if folder.type != .calendar,
                let deleted = folders.first(where: { $0.type == .deletedItems }), deleted.id != folder.id
            {
                _ = try await store.moveItem(from: folder.id, serverID: item.serverID, to: deleted.id)
            }
            if request.sendResponse, mayAskToSend, let organizer = event.organizerEmail,
                SMTPClient.isSafeInCommand(organizer)
            {
                let reply = MeetingReply(
                    event: event, attendeeName: user.displayName, attendeeAddress: ownAddress, answer: request.answer)
                // The answer stands in the calendar even when it cannot be sent (no relay).
                try? await submission.send(
                    ComposeMailRequest(clientID: nil, saveInSentItems: false, mime: reply.mime(at: Date())), from: user)
            }
            return result(.success, calendarID)
        } catch {
            return result(.mailboxError)
        }
    }

    /// The meeting an item stands for, with the server id of its event in `calendar` when
    /// there is one: a meeting request in a mail folder (REQUEST, someone else organising),
    /// or an event in the calendar.
    private func meeting(in item: Item, of user: User, calendar: Folder) async throws
        -> (event: CalendarItem, serverID: String?)?
    {
        switch item.content {
        case .event(let event):
            return item.folderID == calendar.id ? (event, item.serverID) : nil
        case .email(let email):
            guard let message = try? MIMEMessage(accepting: Array(email.raw)),
                let meeting = MeetingMessage(in: message, recipientAddresses: user.emailAddresses),
                meeting.method == .request
            else { return nil }
            let invited = meeting.event
            guard let organizer = invited.organizerEmail?.lowercased(), !MeetingScheduler.owns(user, organizer) else {
                return nil
            }
            guard let stored = try await MeetingScheduler.event(uid: invited.uid, in: calendar.id, of: store) else {
                return (invited, nil)
            }
            // An invitation whose UID names another organizer's event (or the user's own), or
            // one answered after its meeting was cancelled, is no request to answer.
            guard stored.event.organizerEmail?.lowercased() == organizer, stored.event.meetingStatus & 4 == 0 else {
                return nil
            }
            return (stored.event, stored.serverID)
        default:
            return nil
        }
    }
}
