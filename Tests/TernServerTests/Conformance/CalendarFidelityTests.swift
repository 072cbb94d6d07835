import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Calendar items keep what makes them mean the same on every device: an all-day event its
/// times and its zone (so its date is the same wherever the device is), a recurring event its
/// pattern and its exceptions, deleted occurrences included.
@Suite struct CalendarFidelityTests {
    /// TIME_ZONE_INFORMATION for Sydney (UTC+10, +11 from the first Sunday of October to the
    /// first Sunday of April), as a device in Australia sends it.
    static let sydney: String = {
        var blob = [UInt8](repeating: 0, count: 172)
        func put32(_ value: Int32, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { blob.replaceSubrange(offset..<offset + 4, with: $0) }
        }
        func put16(_ value: UInt16, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { blob.replaceSubrange(offset..<offset + 2, with: $0) }
        }
        put32(-600, at: 0)
        // StandardDate (offset 68): April, first Sunday, 03:00; DaylightDate (152): October, first Sunday, 02:00.
        for (offset, month, hour) in [(68, 4, 3), (152, 10, 2)] as [(Int, UInt16, UInt16)] {
            put16(month, at: offset + 2)
            put16(0, at: offset + 4)
            put16(1, at: offset + 6)
            put16(hour, at: offset + 8)
        }
        put32(-60, at: 168)
        return Data(blob).base64EncodedString()
    }()

    static func event(_ fields: KeyValuePairs<String, String>, extra: [WBXMLElement] = []) -> WBXMLElement {
        WBXMLElement(
            AirSyncTag.applicationData,
            elements: fields.map { WBXMLElement(WBXMLTag("Calendar", $0.key), text: $0.value) } + extra)
    }

    static func roundTrip(_ data: WBXMLElement, from sender: String, to receiver: String) async throws -> WBXMLElement {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let calendar = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .calendar })
            .serverID
        let phone = try await server.session(deviceID: "phone", version: sender)
        let tablet = try await server.session(deviceID: "tablet", version: receiver)
        let phoneKey = try await SyncOverHTTPTests.start(phone, collection: calendar)
        let tabletKey = try await SyncOverHTTPTests.start(tablet, collection: calendar)
        let added = try await phone.send(
            "Sync",
            SyncOverHTTPTests.syncBody(
                key: phoneKey, collection: calendar,
                commands: [
                    WBXMLElement(AirSyncTag.add, elements: [WBXMLElement(AirSyncTag.clientId, text: "e1"), data])
                ]))
        #expect(added.elements("Status").compactMap(\.text) == ["1", "1"])
        let (_, replies) = try await SyncOverHTTPTests.drain(tablet, key: tabletKey, collection: calendar)
        return try #require(replies.first?.elements("Add").first?.firstElement(AirSyncTag.applicationData))
    }

    @Test(arguments: [("14.1", "16.1"), ("16.1", "14.1"), ("14.1", "14.1")])
    func anAllDayEventKeepsItsTimesAndItsZone(sender: String, receiver: String) async throws {
        // 7 December in Sydney (UTC+11 in summer) starts at 13:00 UTC on the 6th.
        let sent = Self.event([
            "Timezone": Self.sydney, "AllDayEvent": "1", "StartTime": "20261206T130000Z", "EndTime": "20261207T130000Z",
            "Subject": "Holiday", "BusyStatus": "3",
        ])
        let arrived = try await Self.roundTrip(sent, from: sender, to: receiver)
        func text(_ name: String) -> String? { arrived.firstElement(WBXMLTag("Calendar", name))?.text }
        #expect(text("Timezone") == Self.sydney)
        #expect(text("AllDayEvent") == "1")
        #expect(text("StartTime") == "20261206T130000Z" && text("EndTime") == "20261207T130000Z")
    }

    @Test func aRecurringEventKeepsItsExceptionsAndDeletedOccurrences() async throws {
        let recurrence = WBXMLElement(
            CalendarTag.recurrence,
            elements: [
                WBXMLElement(CalendarTag.type, text: "1"),
                WBXMLElement(CalendarTag.interval, text: "1"),
                WBXMLElement(CalendarTag.dayOfWeek, text: "2"),
                WBXMLElement(CalendarTag.occurrences, text: "10"),
            ])
        let exceptions = WBXMLElement(
            CalendarTag.exceptions,
            elements: [
                WBXMLElement(
                    CalendarTag.exception,
                    elements: [
                        WBXMLElement(CalendarTag.deleted, text: "1"),
                        WBXMLElement(CalendarTag.exceptionStartTime, text: "20261214T090000Z"),
                    ]),
                WBXMLElement(
                    CalendarTag.exception,
                    elements: [
                        WBXMLElement(CalendarTag.exceptionStartTime, text: "20261221T090000Z"),
                        WBXMLElement(CalendarTag.startTime, text: "20261222T100000Z"),
                        WBXMLElement(CalendarTag.endTime, text: "20261222T110000Z"),
                        WBXMLElement(CalendarTag.subject, text: "Standup (moved)"),
                    ]),
            ])
        let sent = Self.event(
            [
                "Timezone": Self.sydney, "StartTime": "20261207T090000Z", "EndTime": "20261207T091500Z",
                "Subject": "Standup",
            ],
            extra: [recurrence, exceptions])
        let arrived = try await Self.roundTrip(sent, from: "14.1", to: "14.1")
        let pattern = try #require(arrived.firstElement(CalendarTag.recurrence))
        #expect(pattern.firstElement(CalendarTag.dayOfWeek)?.text == "2")
        #expect(pattern.firstElement(CalendarTag.occurrences)?.text == "10")
        let received = arrived.firstElement(CalendarTag.exceptions)?.elements ?? []
        #expect(received.count == 2)
        let deleted = received.first { $0.firstElement(CalendarTag.deleted)?.text == "1" }
        #expect(deleted?.firstElement(CalendarTag.exceptionStartTime)?.text == "20261214T090000Z")
        let moved = received.first { $0.firstElement(CalendarTag.subject) != nil }
        #expect(moved?.firstElement(CalendarTag.startTime)?.text == "20261222T100000Z")
        #expect(moved?.firstElement(CalendarTag.exceptionStartTime)?.text == "20261221T090000Z")
    }
}

/// An event that reached the store without a zone still travels with a TimeZone blob.
@Suite struct CalendarTimeZoneTests {
    @Test func anEventStoredWithoutAZoneSyncsWithTheUTCBlob() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let calendar = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .calendar })
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        _ = try await server.store.addItem(
            .event(CalendarItem(startTime: start, endTime: start.addingTimeInterval(1800), uid: "no-zone")),
            to: calendar.id)
        let device = try await server.session(version: "14.1")
        let key = try await SyncOverHTTPTests.start(device, collection: calendar.serverID)
        let (_, replies) = try await SyncOverHTTPTests.drain(device, key: key, collection: calendar.serverID)
        let blob = try #require(replies.first?.text("Timezone").flatMap { Data(base64Encoded: $0) })
        #expect(blob.count == 172 && blob.prefix(4) == Data([0, 0, 0, 0]), "bias 0: UTC")
    }
}
