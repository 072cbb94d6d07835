import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernSync
import TernTesting
import Testing
import WBXML

/// 16.x Change and Delete with InstanceId: one occurrence of a recurring event changes, the
/// series stays, and another device receives the series with its exceptions.
@Suite struct OccurrenceTests {
    @Test func anOccurrenceIsChangedOrDeletedAlone() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let calendar = try #require(try await fixture.store.folders(of: fixture.user.id).first { $0.type == .calendar })
        let first = try #require(EASDate.parse("20261207T090000Z"))
        let series = CalendarItem(
            startTime: first, endTime: first.addingTimeInterval(900), subject: "Standup", uid: "standup-1",
            recurrence: Recurrence(type: 0, interval: 1, occurrences: 10))
        let event = try await fixture.store.addItem(.event(series), to: calendar.id)
        var key = try await fixture.initialKey(calendar)
        key = try #require(try await fixture.sync(calendar, key: key).syncKey)

        let second = EASDate.format(first.addingTimeInterval(86_400), .extended)
        let third = EASDate.format(first.addingTimeInterval(2 * 86_400), .extended)
        let moved = WBXMLElement(
            AirSyncTag.applicationData,
            elements: [WBXMLElement(CalendarTag.subject, text: "Standup (on site)")])
        let answer = try await fixture.sync(
            calendar, key: key,
            commands: [
                .delete(serverID: event.serverID, instanceID: second),
                .change(serverID: event.serverID, instanceID: third, applicationData: moved),
                .delete(serverID: event.serverID, instanceID: "not a date"),
            ])
        #expect(answer.replies == [.delete(serverID: event.serverID, status: SyncStatus.conversionError)])

        let stored = try #require(try await fixture.store.item(in: calendar.id, serverID: event.serverID))
        guard case .event(let updated) = stored.content else { return }
        #expect(updated.subject == "Standup", "the series keeps its subject")
        #expect(updated.exceptions.count == 2)
        #expect(updated.exceptions.first?.deleted == true)
        #expect(updated.exceptions.first?.exceptionStartTime == first.addingTimeInterval(86_400))
        #expect(updated.exceptions.last?.subject == "Standup (on site)")
        #expect(updated.exceptions.last?.deleted == false)

        let plain = try await fixture.store.addItem(
            .event(CalendarItem(startTime: first, endTime: first, uid: "once")), to: calendar.id)
        let once = try await fixture.sync(
            calendar, key: try #require(answer.syncKey),
            commands: [
                .delete(serverID: plain.serverID, instanceID: second)
            ])
        #expect(
            once.replies == [.delete(serverID: plain.serverID, status: SyncStatus.conversionError)], "it does not recur"
        )
    }
}
