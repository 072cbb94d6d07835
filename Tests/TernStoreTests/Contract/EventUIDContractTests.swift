import Foundation
import GRDB
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// Store contract for finding an event by its iCalendar UID, as meeting mail does.
@Suite(.droppingPostgresSchemas)
struct EventUIDContractTests {
    @Test(arguments: StoreBackend.allCases)
    func anEventIsFoundByItsUIDInItsFolderOnly(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let calendar = try await fixture.folder(.calendar)
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        for uid in ["a@example.org", "b@example.org", "c@example.org"] {
            _ = try await fixture.store.addItem(
                .event(CalendarItem(startTime: start, endTime: start.addingTimeInterval(60), uid: uid)), to: calendar.id
            )
        }
        let found = try #require(try await fixture.store.event(uid: "b@example.org", in: calendar.id))
        guard case .event(let event) = found.content else {
            Issue.record("not an event: \(found.content)")
            return
        }
        #expect(event.uid == "b@example.org")
        #expect(try await fixture.store.event(uid: "z@example.org", in: calendar.id) == nil)
        let tasks = try await fixture.folder(.tasks)
        #expect(try await fixture.store.event(uid: "b@example.org", in: tasks.id) == nil)
    }

    @Test func theSQLiteLookupUsesTheUIDIndex() throws {
        let directory = try TemporaryDirectory("event-uid-plan")
        defer { directory.remove() }
        _ = try SQLiteStore(dataDirectory: directory.path)
        let queue = try DatabaseQueue(path: SQLiteStore.databasePath(inDataDirectory: directory.path))
        let plan = try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT * FROM items WHERE folder_id = 1 AND class = 'Calendar'
                    AND json_extract(CAST(properties AS TEXT), '$.uid') = 'x'
                    """
            ).map { $0["detail"] as String }.joined(separator: " ")
        }
        #expect(plan.contains("items_by_event_uid"), "\(plan)")
    }
}
