import Foundation
import TernStore
import TernTesting
import Testing

/// Store contract: transactions, idempotent device Adds, sync states and what removing a
/// user takes with it, on every backend.
@Suite(.droppingPostgresSchemas)
struct StoreContractTests {
    @Test(arguments: StoreBackend.allCases)
    func aDevicesAddSentAgainUnderTheSameKeyNamesTheItemItMade(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let device = try await fixture.store.saveDevice(
            Device(
                id: 0, userID: fixture.user.id, deviceID: "phone", deviceType: "iPhone", firstSeen: Date(),
                lastSeen: Date()))
        let add = ClientAdd(deviceID: device.id, collection: inbox.serverID, syncKey: 3, clientID: "c1")
        guard
            case .added(let item) = try await fixture.store.addItem(StoreFixture.email("once"), to: inbox.id, from: add)
        else {
            Issue.record("the first Add did not add")
            return
        }
        let again = try await fixture.store.addItem(StoreFixture.email("once"), to: inbox.id, from: add)
        #expect(again == .replayed(serverID: item.serverID))
        #expect(try await fixture.store.itemCount(in: inbox.id) == 1)
        let nextKey = ClientAdd(deviceID: device.id, collection: inbox.serverID, syncKey: 4, clientID: "c1")
        guard case .added = try await fixture.store.addItem(StoreFixture.email("twice"), to: inbox.id, from: nextKey)
        else {
            Issue.record("an Add under a new key is a new item")
            return
        }
    }

    /// A delivery's one read: the owner of an address, in any case, with all their folders.
    @Test(arguments: StoreBackend.allCases)
    func theRecipientOfAnAddressComesWithTheirFolders(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let projects = try await fixture.store.createFolder(
            of: fixture.user.id, parentServerID: "0", displayName: "Projects", type: .userCreatedMail)
        let recipient = try #require(try await fixture.store.recipient(address: "ANNA.Alias@tern.example"))
        #expect(recipient.user == fixture.user)
        #expect(recipient.folders == (try await fixture.store.folders(of: fixture.user.id)))
        #expect(recipient.folders.contains(projects) && recipient.folders.count == Folder.defaultSet.count + 1)
        #expect(try await fixture.store.recipient(address: "nobody@tern.example") == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func aBatchIntoAFolderThatIsGoneAddsNothing(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let before = try await fixture.store.itemChanges(in: inbox.id, since: .zero, limit: 100).through
        await #expect(throws: StoreError.self) {
            _ = try await fixture.store.addItems([StoreFixture.email("a"), StoreFixture.email("b")], to: 999_999)
        }
        let after = try await fixture.store.itemChanges(in: inbox.id, since: .zero, limit: 100)
        #expect(after.changed.isEmpty && after.through == before)
    }

    @Test(arguments: StoreBackend.allCases)
    func anItemForAFolderOfAnotherClassOrNoFolderIsRefusedAndChangesNothing(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let contacts = try await fixture.folder(.contacts)
        let before = try await fixture.store.itemChanges(in: inbox.id, since: .zero, limit: 100).through
        let mail = StoreFixture.email("astray")
        let misfiled = await #expect(throws: StoreError.self) {
            _ = try await fixture.store.addItem(mail, to: contacts.id)
        }
        #expect(misfiled?.code == .invalid)
        let homeless = await #expect(throws: StoreError.self) { _ = try await fixture.store.addItem(mail, to: 999_999) }
        #expect(homeless?.code == .notFound)
        #expect(try await fixture.store.itemCount(in: contacts.id) == 0)
        let after = try await fixture.store.itemChanges(in: inbox.id, since: .zero, limit: 100)
        #expect(after.changed.isEmpty && after.through == before, "no modseq was taken")
        let added = try await fixture.store.addItem(mail, to: inbox.id)
        #expect(added.modSeq == before.next && added.serverID == "\(inbox.serverID):1")
    }

    @Test(arguments: StoreBackend.allCases)
    func emptyingAFolderLeavesATombstoneForEachItem(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let added = try await fixture.store.addItems((1...5).map { StoreFixture.email("m\($0)") }, to: inbox.id)
        let mark = try await fixture.store.itemChanges(in: inbox.id, since: .zero, limit: 100).through
        #expect(try await fixture.store.deleteAllItems(in: inbox.id) == 5)
        let changes = try await fixture.store.itemChanges(in: inbox.id, since: mark, limit: 100)
        #expect(Set(changes.deletedServerIDs) == Set(added.map(\.serverID)))
        #expect(try await fixture.store.itemCount(in: inbox.id) == 0)
    }

    @Test(arguments: StoreBackend.allCases)
    func syncStatesKeepTheCurrentAndThePreviousKeyPerCollection(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let device = try await fixture.store.saveDevice(
            Device(
                id: 0, userID: fixture.user.id, deviceID: "phone", deviceType: "iPhone", firstSeen: Date(),
                lastSeen: Date()))
        let first = SyncStateRecord(key: 1, state: Data("one".utf8))
        let second = SyncStateRecord(key: 2, state: Data("two".utf8))
        try await fixture.store.saveSyncStates(SyncStates(current: first), of: device.id, collection: "5")
        try await fixture.store.saveSyncStates(
            SyncStates(current: first).advanced(to: second), of: device.id, collection: "5")
        let states = try #require(try await fixture.store.syncStates(of: device.id, collection: "5"))
        #expect(states.current == second && states.previous == first)
        #expect(try await fixture.store.syncStates(of: device.id, collection: "6") == nil)
        #expect(try await fixture.store.currentSyncStates(of: device.id) == ["5": second])
        try await fixture.store.removeSyncStates(of: device.id)
        #expect(try await fixture.store.syncStates(of: device.id, collection: "5") == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func removingAUserTakesTheirFoldersItemsAndDevicesAndNoOneElses(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let bruno = try await fixture.store.createUser(
            NewUser(login: "bruno", emailAddresses: ["bruno@tern.example"], displayName: "Bruno", passwordHash: "x"))
        let brunosInbox = try #require(try await fixture.store.folders(of: bruno.id).first { $0.type == .inbox })
        _ = try await fixture.store.addItem(StoreFixture.email("for bruno"), to: brunosInbox.id)
        _ = try await fixture.store.saveDevice(
            Device(id: 0, userID: bruno.id, deviceID: "tablet", deviceType: "iPad", firstSeen: Date(), lastSeen: Date())
        )
        let annasInbox = try await fixture.folder(.inbox)
        _ = try await fixture.store.addItem(StoreFixture.email("for anna"), to: annasInbox.id)

        try await fixture.store.removeUser(login: "bruno")
        #expect(try await fixture.store.user(login: "bruno") == nil)
        #expect(try await fixture.store.folders(of: bruno.id).isEmpty)
        #expect(try await fixture.store.devices(of: bruno.id).isEmpty)
        #expect(try await fixture.store.user(address: "bruno@tern.example") == nil)
        #expect(try await fixture.store.itemCount(in: annasInbox.id) == 1, "anna keeps her mail")
    }
}
