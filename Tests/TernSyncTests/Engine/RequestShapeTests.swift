import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernSync
import TernTesting
import Testing

/// Several collections in one request, the overall window, and the empty and partial
/// requests of 12.1+ that reuse the last full request.
@Suite struct RequestShapeTests {
    @Test func severalCollectionsShareTheOverallWindow() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        _ = try await fixture.store.addItems((0..<8).map { EngineFixture.email("M\($0)") }, to: fixture.inbox.id)
        _ = try await fixture.store.addItems(
            (0..<8).map { .contact(ContactItem(fields: [.fileAs: "C\($0)"])) }, to: fixture.contacts.id)
        let inboxKey = try await fixture.initialKey(fixture.inbox)
        let contactsKey = try await fixture.initialKey(fixture.contacts)
        let request = SyncRequest(
            collections: [
                SyncCollectionRequest(syncKey: inboxKey, collectionID: fixture.inbox.serverID),
                SyncCollectionRequest(syncKey: contactsKey, collectionID: fixture.contacts.serverID),
            ], windowSize: 10)
        let response = try await fixture.engine().sync(request)
        #expect(response.collections.map(\.collectionID) == [fixture.inbox.serverID, fixture.contacts.serverID])
        #expect(response.collections[0].commands.count == 8)
        #expect(response.collections[1].commands.count == 2, "what is left of the window of 10")
        #expect(!response.collections[0].moreAvailable && response.collections[1].moreAvailable)
    }

    @Test func theEmptyRequestRepeatsTheLastFullOneWithCurrentKeys() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let engine = fixture.engine()
        #expect(try await engine.sync(nil).status == SyncStatus.incompleteRequest, "nothing to repeat yet")
        let inboxKey = try await fixture.initialKey(fixture.inbox)
        let contactsKey = try await fixture.initialKey(fixture.contacts)
        _ = try await engine.sync(
            SyncRequest(collections: [
                SyncCollectionRequest(syncKey: inboxKey, collectionID: fixture.inbox.serverID),
                SyncCollectionRequest(syncKey: contactsKey, collectionID: fixture.contacts.serverID),
            ]))
        let mail = try await fixture.store.addItem(EngineFixture.email("After"), to: fixture.inbox.id)
        let empty = try await engine.sync(nil)
        #expect(empty.collections.count == 2)
        #expect(
            empty.collections.first { $0.collectionID == fixture.inbox.serverID }?.addedServerIDs == [mail.serverID])

        let contact = try await fixture.store.addItem(
            .contact(ContactItem(fields: [.fileAs: "Later"])), to: fixture.contacts.id)
        let inboxNow = try #require(empty.collections.first { $0.collectionID == fixture.inbox.serverID }?.syncKey)
        let partial = try await engine.sync(
            SyncRequest(
                collections: [SyncCollectionRequest(syncKey: inboxNow, collectionID: fixture.inbox.serverID)],
                isPartial: true))
        #expect(Set(partial.collections.map(\.collectionID)) == [fixture.inbox.serverID, fixture.contacts.serverID])
        #expect(
            partial.collections.first { $0.collectionID == fixture.contacts.serverID }?.addedServerIDs == [
                contact.serverID
            ])
    }
}
