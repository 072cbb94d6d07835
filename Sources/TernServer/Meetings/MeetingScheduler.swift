import ActiveSync
import Foundation
public import MIME
import TernImport
public import TernStore

/// Keeps calendars in step with the meeting messages users receive (iTIP over iMIP,
/// RFC 5546 and 6047): an invitation (REQUEST) adds a tentative event to the attendee's
/// calendar or updates it, a cancellation (CANCEL) marks it cancelled and free, an answer
/// (REPLY) records the attendee's status in the organizer's event.
///
/// Anyone can mail anyone, so a message only changes what it may: an invitation, update or
/// cancellation must come from the event's organizer, and an answer only changes the status
/// of the attendee who sent it. "From" is the message's From address, which the MTA in front
/// is trusted to have checked (SPF/DKIM/DMARC); Tern does not check it again. An invitation
/// older than the stored one (DTSTAMP; SEQUENCE is not kept) changes nothing, and one stamped
/// more than a day ahead is ignored.
public struct MeetingScheduler: MeetingScheduling {
    let store: any Store

    public init(store: any Store) {
        self.store = store
    }

    /// How far ahead of this server's clock a DTSTAMP may be: one from further ahead would
    /// make every genuine update look older.
    static let clockSkew: TimeInterval = 86_400

    public func schedule(_ message: MIMEMessage, deliveredTo user: User) async {
        guard let meeting = MeetingMessage(in: message, recipientAddresses: user.emailAddresses),
            let calendar = try? await store.folders(of: user.id).first(where: { $0.type == .calendar })
        else { return }
        let sender = message.from.first?.address.lowercased()
        do {
            let stored = try await Self.event(uid: meeting.event.uid, in: calendar.id, of: store)
            switch meeting.method {
            case .request: try await invite(meeting.event, replacing: stored, in: calendar, from: sender, for: user)
            case .cancel: try await cancel(stored, in: calendar, from: sender)
            case .reply: try await recordAnswer(meeting.event, in: stored, of: calendar, from: sender, for: user)
            }
        } catch {
            // The message itself is filed; its calendar change is lost, as a client's would be.
        }
    }

    /// The event with `uid` in `folderID`, with its server id.
    static func event(uid: String, in folderID: Folder.ID, of store: any Store) async throws
        -> (serverID: String, event: CalendarItem)?
    {
        guard let item = try await store.event(uid: uid, in: folderID), case .event(let event) = item.content else {
            return nil
        }
        return (item.serverID, event)
    }

    private func invite(
        _ invited: CalendarItem, replacing stored: (serverID: String, event: CalendarItem)?, in calendar: Folder,
        from sender: String?, for user: User
    ) async throws {
        guard let organizer = invited.organizerEmail?.lowercased(), !Self.owns(user, organizer), sender == organizer,
            (invited.dtStamp ?? .distantPast) <= Date().addingTimeInterval(Self.clockSkew)
        else { return }
        var event = invited
        event.busyStatus = 1
        guard let stored else {
            _ = try await store.addItem(.event(event), to: calendar.id)
            return
        }
        guard stored.event.organizerEmail?.lowercased() == organizer else { return }
        if let new = invited.dtStamp, let old = stored.event.dtStamp, new < old { return }
        if invited.startTime == stored.event.startTime, invited.endTime == stored.event.endTime {
            // The same time: the user's answer still stands.
            event.busyStatus = stored.event.busyStatus
            event.attendees = event.attendees.map { attendee in
                guard Self.owns(user, attendee.email),
                    let answered = stored.event.attendees.first(where: {
                        $0.email.lowercased() == attendee.email.lowercased()
                    })
                else { return attendee }
                var kept = attendee
                kept.status = answered.status
                return kept
            }
        }
        _ = try await store.updateItem(in: calendar.id, serverID: stored.serverID, content: .event(event))
    }

    private func cancel(_ stored: (serverID: String, event: CalendarItem)?, in calendar: Folder, from sender: String?)
        async throws
    {
        guard let stored, let organizer = stored.event.organizerEmail?.lowercased(), sender == organizer else { return }
        var event = stored.event
        event.meetingStatus = 7
        event.busyStatus = 0
        _ = try await store.updateItem(in: calendar.id, serverID: stored.serverID, content: .event(event))
    }

    private func recordAnswer(
        _ answer: CalendarItem, in stored: (serverID: String, event: CalendarItem)?, of calendar: Folder,
        from sender: String?, for user: User
    ) async throws {
        guard let stored, let sender, let organizer = stored.event.organizerEmail, Self.owns(user, organizer),
            let status = answer.attendees.first(where: { $0.email.lowercased() == sender })?.status,
            let index = stored.event.attendees.firstIndex(where: { $0.email.lowercased() == sender })
        else { return }
        var event = stored.event
        event.attendees[index].status = status
        _ = try await store.updateItem(in: calendar.id, serverID: stored.serverID, content: .event(event))
    }

    static func owns(_ user: User, _ address: String) -> Bool {
        user.emailAddresses.contains { $0.lowercased() == address.lowercased() }
    }
}
