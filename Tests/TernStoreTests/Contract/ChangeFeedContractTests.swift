import Foundation
import TernStore
import TernTesting
import Testing

/// Store contract: committed writes reach the subscribers of their user, and only them, on
/// every backend. (How a write in another process is heard is the backend's own matter:
/// `ChangeFeedTests` for SQLite.)
@Suite(.droppingPostgresSchemas)
struct ChangeFeedContractTests {
    @Test(arguments: StoreBackend.allCases)
    func aCommittedItemReachesTheSubscriberOfItsUser(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let stream = fixture.store.changes(for: fixture.user.id)
        let item = try await fixture.store.addItem(StoreFixture.email("ping"), to: inbox.id)
        let change = try #require(await ChangeFeedTests.firstChange(stream))
        #expect(change.userID == fixture.user.id)
        #expect(change.folderIDs == [inbox.id])
        #expect(change.modSeq == item.modSeq)
        #expect(!change.hierarchyChanged)
    }

    @Test(arguments: StoreBackend.allCases)
    func aFolderChangeIsAnnouncedAsAHierarchyChange(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let stream = fixture.store.changes(for: fixture.user.id)
        _ = try await fixture.store.createFolder(
            of: fixture.user.id, parentServerID: "0", displayName: "New", type: .userCreatedMail)
        let change = try #require(await ChangeFeedTests.firstChange(stream))
        #expect(change.hierarchyChanged)
    }

    @Test(arguments: StoreBackend.allCases)
    func anotherUsersWriteIsNotAnnounced(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let bob = try await fixture.store.createUser(
            NewUser(login: "bob", emailAddresses: [], displayName: "Bob", passwordHash: "x"))
        let bobsInbox = try #require(try await fixture.store.folders(of: bob.id).first { $0.type == .inbox })
        let stream = fixture.store.changes(for: fixture.user.id)
        _ = try await fixture.store.addItem(StoreFixture.email("for bob"), to: bobsInbox.id)
        #expect(await ChangeFeedTests.firstChange(stream, timeout: .milliseconds(300)) == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func theAllUsersFeedHearsEveryUserAndTheDefaultPolicyOnce(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let bob = try await fixture.store.createUser(
            NewUser(login: "bob", emailAddresses: [], displayName: "Bob", passwordHash: "x"))
        let bobsInbox = try #require(try await fixture.store.folders(of: bob.id).first { $0.type == .inbox })
        let stream = fixture.store.allChanges(interest: .everyone)
        _ = try await fixture.store.addItem(StoreFixture.email("for bob"), to: bobsInbox.id)
        _ = try await fixture.store.setPolicy(DevicePolicy(), for: nil)
        var changes = stream.makeAsyncIterator()
        let first = try #require(await changes.next())
        #expect(first.userID == bob.id && first.folderIDs == [bobsInbox.id])
        let second = try #require(await changes.next())
        #expect(second.userID == StoreChange.everyUser && second.policyChanged)
    }
}
