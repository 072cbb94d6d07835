import Foundation
import TernStore
import TernTesting
import Testing

/// What PostgreSQL refuses that SQLite takes (text with a NUL character) is a `StoreError`
/// of the right code, never a crash or a database error, and an event's UID with one still
/// finds its event.
@Suite(.droppingPostgresSchemas, .enabled(if: PostgresTestDatabase.isRequested))
struct PostgresInputTests {
    @Test func textWithANulCharacterIsInvalid() async throws {
        let fixture = try await StoreFixture(.postgres)
        defer { fixture.directory.remove() }
        await #expect {
            _ = try await fixture.store.createFolder(
                of: fixture.user.id, parentServerID: "0", displayName: "bad\u{0}name", type: .userCreatedMail)
        } throws: { error in
            (error as? StoreError)?.code == .invalid
        }
        #expect(try await fixture.store.folders(of: fixture.user.id).count == Folder.defaultSet.count)
    }

    @Test func aClientAddFromADeviceThatIsGoneIsNotFound() async throws {
        let fixture = try await StoreFixture(.postgres)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let add = ClientAdd(deviceID: 424_242, collection: inbox.serverID, syncKey: 1, clientID: "c1")
        await #expect {
            _ = try await fixture.store.addItem(StoreFixture.email("orphan"), to: inbox.id, from: add)
        } throws: { error in
            (error as? StoreError)?.code == .notFound
        }
        #expect(try await fixture.store.itemCount(in: inbox.id) == 0, "the item went with the failed transaction")
    }

    @Test func anEventWhoseUIDHoldsANulCharacterIsFoundByIt() async throws {
        let fixture = try await StoreFixture(.postgres)
        defer { fixture.directory.remove() }
        let calendar = try await fixture.folder(.calendar)
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let uid = "odd\u{0}uid@example.org"
        _ = try await fixture.store.addItem(
            .event(CalendarItem(startTime: start, endTime: start.addingTimeInterval(60), uid: uid)), to: calendar.id)
        let found = try #require(try await fixture.store.event(uid: uid, in: calendar.id))
        guard case .event(let event) = found.content else {
            Issue.record("not an event: \(found.content)")
            return
        }
        #expect(event.uid == uid)
    }
}
