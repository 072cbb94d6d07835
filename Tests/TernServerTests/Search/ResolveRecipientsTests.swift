import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// ResolveRecipients over a real socket (MS-ASCMD 2.2.1.15): the GAL, the user's contacts,
/// free/busy and the limits.
@Suite struct ResolveRecipientsTests {
    static func request(_ names: [String], availability: (String, String)? = nil, certificates: Int? = nil)
        -> WBXMLElement
    {
        var options: [WBXMLElement] = []
        if let certificates {
            options.append(WBXMLElement(ResolveRecipientsTag.certificateRetrieval, text: "\(certificates)"))
        }
        if let (start, end) = availability {
            options.append(
                WBXMLElement(
                    ResolveRecipientsTag.availability,
                    elements: [
                        WBXMLElement(ResolveRecipientsTag.startTime, text: start),
                        WBXMLElement(ResolveRecipientsTag.endTime, text: end),
                    ]))
        }
        return WBXMLElement(
            ResolveRecipientsTag.resolveRecipients,
            elements: names.map { WBXMLElement(ResolveRecipientsTag.to, text: $0) }
                + (options.isEmpty ? [] : [WBXMLElement(ResolveRecipientsTag.options, elements: options)]))
    }

    static func utc(_ text: String) throws -> Date { try #require(EASDate.parse(text)) }

    @Test func aUserAndAContactResolveAndTheUsersBusySlotShows() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let colleagues = try await GALSearchTests.addColleagues(server)
        let calendar = try #require(try await server.store.folders(of: colleagues[0].id).first { $0.type == .calendar })
        _ = try await server.store.addItem(
            .event(
                CalendarItem(
                    startTime: try Self.utc("2026-12-08T09:00:00.000Z"),
                    endTime: try Self.utc("2026-12-08T10:00:00.000Z"),
                    subject: "Standup", uid: "standup-1", busyStatus: 2)),
            to: calendar.id)
        _ = try await server.store.addItem(
            .event(
                CalendarItem(
                    startTime: try Self.utc("2026-12-07T11:00:00.000Z"),
                    endTime: try Self.utc("2026-12-07T11:30:00.000Z"),
                    subject: "Daily", uid: "daily-1", busyStatus: 1, recurrence: Recurrence(type: 0))),
            to: calendar.id)
        let contacts = try await SearchTests.folder(.contacts, of: server)
        _ = try await server.store.addItem(
            .contact(
                ContactItem(fields: [
                    .firstName: "Lena", .lastName: "Vogt", .email1Address: "\"Lena Vogt\" <lena@example.org>",
                ])),
            to: contacts.id)
        let phone = try await server.session()
        let reply = try await phone.send(
            "ResolveRecipients",
            Self.request(
                ["maria", "vogt"], availability: ("2026-12-08T08:00:00.000Z", "2026-12-08T12:00:00.000Z"),
                certificates: 2))
        let responses = reply.elements("Response")
        #expect(reply.body?.firstElement(ResolveRecipientsTag.status)?.text == "1" && responses.count == 2)
        let maria = try #require(responses.first?.firstElement(ResolveRecipientsTag.recipient))
        #expect(responses.first?.firstElement(ResolveRecipientsTag.status)?.text == "1")
        #expect(maria.firstElement(ResolveRecipientsTag.type)?.text == "1")
        #expect(maria.firstElement(ResolveRecipientsTag.emailAddress)?.text == "maria.schmidt@tern.example")
        let availability = maria.firstElement(ResolveRecipientsTag.availability)
        #expect(availability?.firstElement(ResolveRecipientsTag.status)?.text == "1")
        // 08:00–12:00 in half hours: the standup 09:00–10:00 busy, the daily 11:00–11:30 tentative.
        #expect(availability?.firstElement(ResolveRecipientsTag.mergedFreeBusy)?.text == "00220010")
        #expect(
            maria.firstElement(ResolveRecipientsTag.certificates)?.firstElement(ResolveRecipientsTag.status)?.text
                == "7")
        let lena = try #require(responses.last?.firstElement(ResolveRecipientsTag.recipient))
        #expect(lena.firstElement(ResolveRecipientsTag.type)?.text == "2")
        #expect(lena.firstElement(ResolveRecipientsTag.displayName)?.text == "Lena Vogt")
        #expect(lena.firstElement(ResolveRecipientsTag.emailAddress)?.text == "lena@example.org")
        #expect(
            lena.firstElement(ResolveRecipientsTag.availability)?.firstElement(ResolveRecipientsTag.status)?.text
                == "163")
    }

    @Test func ambiguousAndUnknownNamesGetTheirStatuses() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        _ = try await GALSearchTests.addColleagues(server)
        let phone = try await server.session()
        let reply = try await phone.send("ResolveRecipients", Self.request(["schm", "nobody", "joerg@tern.example"]))
        let statuses = reply.elements("Response").map { $0.firstElement(ResolveRecipientsTag.status)?.text }
        #expect(statuses == ["2", "4", "1"])
        #expect(
            reply.elements("Response").first?.elements.filter { $0.tag == ResolveRecipientsTag.recipient }.count == 2)
    }

    @Test func overTheLimitsIsStatusFiveAndAtTheLimitIsAnswered() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session()
        let limit = RequestLimits.recipientsToResolve
        let over = try await phone.send("ResolveRecipients", Self.request((0...limit).map { "name\($0)" }))
        #expect(over.status == 200 && over.elements("Status").map(\.text) == ["5"])
        let at = try await phone.send("ResolveRecipients", Self.request((1...limit).map { "name\($0)" }))
        #expect(at.elements("Response").count == limit)
        for window in [
            ("2026-12-08T08:00:00.000Z", "2026-12-08T08:10:00.000Z"),
            ("2026-12-08T08:00:00.000Z", "2027-03-01T08:00:00.000Z"),
            ("yesterday", "2026-12-08T08:00:00.000Z"),
        ] {
            let refused = try await phone.send("ResolveRecipients", Self.request(["anna"], availability: window))
            #expect(refused.elements("Status").map(\.text) == ["5"], "\(window)")
        }
    }
}
