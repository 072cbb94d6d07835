import ActiveSync
import Foundation
import MIME
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Meeting mail end to end: an invitation delivered as an MTA delivers it lands in the Inbox
/// as a meeting request and in the Calendar as a tentative event; MeetingResponse from a
/// device answers it, and the iTIP REPLY reaches a real relay; a cancellation and an answer
/// change only what their sender may change.
@Suite struct MeetingTests {
    static let start = "20261210T100000Z"

    static func invitation(
        method: String = "REQUEST", from: String = "carla@outside.example", organizer: String = "carla@outside.example",
        attendee: String = "anna@tern.example", partstat: String = "NEEDS-ACTION", stamp: String = "20261201T090000Z",
        uid: String = "budget-2027@outside.example"
    ) -> [UInt8] {
        let calendar = [
            "BEGIN:VCALENDAR", "PRODID:-//Test//EN", "VERSION:2.0", "METHOD:\(method)", "BEGIN:VEVENT", "UID:\(uid)",
            "DTSTAMP:\(stamp)", "DTSTART:\(start)", "DTEND:20261210T110000Z", "SUMMARY:Budget 2027",
            "LOCATION:Room 4", "ORGANIZER;CN=Carla:mailto:\(organizer)",
            "ATTENDEE;PARTSTAT=\(partstat);CN=Anna:mailto:\(attendee)", "END:VEVENT", "END:VCALENDAR",
        ].joined(separator: "\r\n")
        let lines = [
            "From: \(from)", "To: anna@tern.example", "Subject: Budget 2027", "MIME-Version: 1.0",
            "Content-Type: text/calendar; charset=utf-8; method=\(method)", "", calendar, "",
        ]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    static func deliver(_ raw: [UInt8], on server: RunningServer) async throws {
        _ = try await MailDelivery(store: server.store, scheduling: MeetingScheduler(store: server.store)).deliver(
            raw, to: "anna@tern.example")
    }

    static func events(_ server: RunningServer) async throws -> [(serverID: String, event: CalendarItem)] {
        let calendar = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .calendar })
        let changes = try await server.store.itemChanges(in: calendar.id, since: ModSeq(rawValue: 0), limit: 100)
        return changes.changed.compactMap { item in
            if case .event(let event) = item.content { (item.serverID, event) } else { nil }
        }
    }

    static func inboxItem(_ server: RunningServer) async throws -> (folder: Folder, item: Item) {
        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
        let item = try #require(
            try await server.store.itemChanges(in: inbox.id, since: ModSeq(rawValue: 0), limit: 10).changed.first)
        return (inbox, item)
    }

    @Test func anInvitationIsAMeetingRequestInTheInboxAndATentativeEventInTheCalendar() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        try await Self.deliver(Self.invitation(), on: server)
        let (_, item) = try await Self.inboxItem(server)
        guard case .email(let email) = item.content else { throw MeetingTestError.notAnEmail }
        #expect(email.properties.messageClass == "IPM.Schedule.Meeting.Request")
        let events = try await Self.events(server)
        #expect(events.count == 1)
        let event = try #require(events.first?.event)
        #expect(event.uid == "budget-2027@outside.example" && event.subject == "Budget 2027")
        #expect(event.busyStatus == 1 && event.meetingStatus == 3 && event.organizerEmail == "carla@outside.example")

        try await Self.deliver(Self.invitation(), on: server)
        #expect(try await Self.events(server).count == 1, "the same invitation again is no second event")
    }

    @Test func acceptingFromTheDeviceSendsTheReplyThroughTheRelayAndMakesTheEventBusy() async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let server = try await RunningServer { $0.relay = RelayTests.relay(port: sink.port) }
        defer { Task { await server.stop() } }
        try await Self.deliver(Self.invitation(), on: server)
        let (inbox, item) = try await Self.inboxItem(server)
        let device = try await server.session(version: "16.1")
        let reply = try await device.send(
            "MeetingResponse",
            MeetingResponseRequest(requests: [
                .init(answer: .accepted, collectionID: inbox.serverID, requestID: item.serverID, sendResponse: true)
            ]).element)
        let response = try #require(reply.body.flatMap(MeetingResponseResponse.init))
        #expect(response.results.map(\.status) == [.success])
        let event = try #require(try await Self.events(server).first)
        #expect(response.results.first?.calendarID == event.serverID)
        #expect(event.event.busyStatus == 2)
        #expect(event.event.attendees.first { $0.email == "anna@tern.example" }?.status == 3)
        #expect(try await server.store.item(in: inbox.id, serverID: item.serverID) == nil, "moved to Deleted Items")

        let sent = try #require(try await sink.waitForMessages(1).first)
        #expect(sent.rcptTos == ["carla@outside.example"] && sent.mailFrom == "anna@tern.example")
        let message = try MIMEMessage(parsing: Array(sent.content.utf8))
        #expect(message.subject == "Accepted: Budget 2027")
        #expect(message.calendarContent?.method == "REPLY")
        let calendar = message.calendarContent?.text ?? ""
        #expect(calendar.contains("UID:budget-2027@outside.example"))
        #expect(calendar.contains("ATTENDEE;PARTSTAT=ACCEPTED;CN=Anna:mailto:anna@tern.example"), "\(calendar)")
        #expect(calendar.contains("ORGANIZER:mailto:carla@outside.example"))
        #expect(calendar.contains(/DTSTAMP:\d{8}T\d{6}Z/), "a UTC DATE-TIME")
    }

    @Test func anInvitationReusingTheUIDOfAnotherOrganizersEventCannotBeAnsweredIntoIt() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        try await Self.deliver(Self.invitation(), on: server)
        let hostile = Self.invitation(from: "mallory@outside.example", organizer: "mallory@outside.example")
        try await Self.deliver(hostile, on: server)
        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
        let items = try await server.store.itemChanges(in: inbox.id, since: ModSeq(rawValue: 0), limit: 10).changed
        #expect(items.count == 2)
        let device = try await server.session(version: "16.1")
        let reply = try await device.send(
            "MeetingResponse",
            MeetingResponseRequest(requests: [
                .init(answer: .declined, collectionID: inbox.serverID, requestID: items[1].serverID),
                .init(answer: .accepted, collectionID: inbox.serverID, requestID: items[0].serverID, instanceID: "x"),
            ]).element)
        let results = try #require(reply.body.flatMap(MeetingResponseResponse.init)?.results)
        #expect(results.map(\.status) == [.invalidMeetingRequest, .invalidMeetingRequest])
        let events = try await Self.events(server)
        #expect(events.count == 1 && events.first?.event.organizerEmail == "carla@outside.example")
    }

    @Test func anInvitationStampedFarAheadOrFiledOutsideTheInboxChangesNoCalendar() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        try await Self.deliver(Self.invitation(stamp: "20991201T090000Z"), on: server)
        #expect(try await Self.events(server).isEmpty)
        _ = try await MailDelivery(store: server.store, scheduling: MeetingScheduler(store: server.store)).deliver(
            Self.invitation(), to: "anna@tern.example", folderName: "Drafts")
        #expect(try await Self.events(server).isEmpty)
    }

    @Test func decliningRemovesTheEventAndWithoutSendResponseNothingIsSent() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        try await Self.deliver(Self.invitation(), on: server)
        let (inbox, item) = try await Self.inboxItem(server)
        let device = try await server.session(version: "14.1")
        let reply = try await device.send(
            "MeetingResponse",
            MeetingResponseRequest(requests: [
                .init(answer: .declined, collectionID: inbox.serverID, requestID: item.serverID)
            ]).element)
        let result = try #require(reply.body.flatMap(MeetingResponseResponse.init)?.results.first)
        #expect(result.status == .success && result.calendarID == nil)
        #expect(try await Self.events(server).isEmpty)
        #expect(try await server.store.queuedMessages().isEmpty)
        #expect(try await SendMailTests.messages(server, of: server.user, in: .sentItems).isEmpty)
    }

    @Test func aPlainMessageIsNoMeetingRequestAndAMalformedRequestIsRefused() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        _ = try await MailDelivery(store: server.store).deliver(
            Array("From: bob@example.org\r\nSubject: Hi\r\n\r\nHello.\r\n".utf8), to: "anna@tern.example")
        let (inbox, item) = try await Self.inboxItem(server)
        let device = try await server.session(version: "16.1")
        let reply = try await device.send(
            "MeetingResponse",
            MeetingResponseRequest(requests: [
                .init(answer: .accepted, collectionID: inbox.serverID, requestID: item.serverID),
                .init(answer: .accepted, collectionID: inbox.serverID, requestID: "99:99"),
            ]).element)
        let results = try #require(reply.body.flatMap(MeetingResponseResponse.init)?.results)
        #expect(results.map(\.status) == [.invalidMeetingRequest, .invalidMeetingRequest])
        #expect(try await server.store.item(in: inbox.id, serverID: item.serverID) != nil)

        let malformed = WBXMLElement(
            MeetingResponseTag.meetingResponse,
            elements: [
                WBXMLElement(
                    MeetingResponseTag.request,
                    elements: [
                        WBXMLElement(MeetingResponseTag.userResponse, text: "4"),
                        WBXMLElement(MeetingResponseTag.collectionId, text: inbox.serverID),
                        WBXMLElement(MeetingResponseTag.requestId, text: item.serverID),
                    ])
            ])
        #expect(try await device.send("MeetingResponse", malformed).text("Status") == "103")
    }

    @Test func moreRequestsThanTheLimitInOneMeetingResponseIsStatus103() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let device = try await server.session(version: "16.1")
        let requests = (0...RequestLimits.meetingResponses).map { number in
            MeetingResponseRequest.Request(answer: .accepted, collectionID: "1", requestID: "1:\(number)")
        }
        let reply = try await device.send("MeetingResponse", MeetingResponseRequest(requests: requests).element)
        #expect(reply.text("Status") == "103")
        let atLimit = try await device.send(
            "MeetingResponse", MeetingResponseRequest(requests: Array(requests.dropLast())).element)
        #expect(atLimit.body.flatMap(MeetingResponseResponse.init)?.results.count == RequestLimits.meetingResponses)
    }

    @Test func aCancellationFromTheOrganizerFreesTheTimeAndOneFromAnyoneElseChangesNothing() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        try await Self.deliver(Self.invitation(), on: server)
        try await Self.deliver(
            Self.invitation(method: "CANCEL", from: "mallory@outside.example", stamp: "20261202T090000Z"), on: server)
        #expect(try await Self.events(server).first?.event.meetingStatus == 3, "not the organizer")
        try await Self.deliver(Self.invitation(method: "CANCEL", stamp: "20261202T090000Z"), on: server)
        let event = try #require(try await Self.events(server).first?.event)
        #expect(event.meetingStatus == 7 && event.busyStatus == 0)
    }

    @Test func anAnswerRecordsOnlyItsSendersStatusInTheOrganizersEvent() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let calendar = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .calendar })
        var own = CalendarItem(startTime: Date(), endTime: Date().addingTimeInterval(3600), uid: "review@tern.example")
        own.organizerEmail = "anna@tern.example"
        own.attendees = [
            Attendee(email: "carla@outside.example", name: "Carla", status: 5, type: 1),
            Attendee(email: "dave@outside.example", name: "Dave", status: 5, type: 1),
        ]
        _ = try await server.store.addItem(.event(own), to: calendar.id)
        let forged = Self.invitation(
            method: "REPLY", from: "mallory@outside.example", organizer: "anna@tern.example",
            attendee: "dave@outside.example", partstat: "DECLINED", uid: "review@tern.example")
        try await Self.deliver(forged, on: server)
        let genuine = Self.invitation(
            method: "REPLY", organizer: "anna@tern.example", attendee: "carla@outside.example", partstat: "ACCEPTED",
            uid: "review@tern.example")
        try await Self.deliver(genuine, on: server)
        let event = try #require(try await Self.events(server).first?.event)
        #expect(event.attendees.map(\.status) == [3, 5])
    }
}

enum MeetingTestError: Error {
    case notAnEmail
}

/// What a device syncing its Inbox sees of an invitation.
@Suite struct MeetingRequestSyncTests {
    @Test(arguments: ["14.1", "16.1"])
    func anInvitationSyncsWithItsMeetingRequest(_ version: String) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        try await MeetingTests.deliver(MeetingTests.invitation(), on: server)
        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
        let device = try await server.session(version: version)
        let key = try await SyncOverHTTPTests.start(device, collection: inbox.serverID)
        let (_, replies) = try await SyncOverHTTPTests.drain(device, key: key, collection: inbox.serverID)
        let reply = try #require(replies.first)
        #expect(reply.text("MessageClass") == "IPM.Schedule.Meeting.Request")
        let meeting = try #require(reply.elements("MeetingRequest").first)
        func text(_ name: String) -> String? { meeting.elements.first { $0.tag.name == name }?.text }
        #expect(text("StartTime") == "2026-12-10T10:00:00.000Z" && text("EndTime") == "2026-12-10T11:00:00.000Z")
        #expect(text("Organizer") == "\"Carla\" <carla@outside.example>")
        #expect(text("MeetingMessageType") == "1" && text("InstanceType") == "0")
        let globalID = try #require(text("GlobalObjId").flatMap { Data(base64Encoded: $0) })
        #expect(String(decoding: globalID, as: UTF8.self).contains("vCal-Uid"))
        #expect(String(decoding: globalID, as: UTF8.self).contains("budget-2027@outside.example"))
        #expect(text("TimeZone").flatMap { Data(base64Encoded: $0) }?.count == 172)
        if version == "16.1" {
            #expect(meeting.elements.contains { $0.tag.name == "Location" && $0.text == nil }, "airsyncbase:Location")
        } else {
            #expect(text("Location") == "Room 4")
        }
    }
}
