import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// Store contract: the modseq and change log, what changed since N, including deletes and
/// moves, on every backend.
@Suite(.droppingPostgresSchemas)
struct ChangeLogTests {
    @Test(arguments: StoreBackend.allCases)
    func changesSinceAModSeqListAddsUpdatesAndDeletes(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let start = try await fixture.store.itemChanges(in: inbox.id, since: .zero, limit: 100).through
        let added = try await fixture.store.addItems((1...3).map { StoreFixture.email("m\($0)") }, to: inbox.id)
        let afterAdd = try await fixture.store.itemChanges(in: inbox.id, since: start, limit: 100)
        #expect(afterAdd.changed.map(\.serverID) == added.map(\.serverID))
        #expect(afterAdd.deletedServerIDs.isEmpty)

        _ = try await fixture.store.updateItem(
            in: inbox.id, serverID: added[1].serverID, content: StoreFixture.email("m2 edited"))
        try await fixture.store.deleteItem(in: inbox.id, serverID: added[0].serverID)
        let later = try await fixture.store.itemChanges(in: inbox.id, since: afterAdd.through, limit: 100)
        #expect(later.changed.map(\.serverID) == [added[1].serverID])
        #expect(later.deletedServerIDs == [added[0].serverID])
        #expect(later.through > afterAdd.through)

        let nothing = try await fixture.store.itemChanges(in: inbox.id, since: later.through, limit: 100)
        #expect(nothing.changed.isEmpty && nothing.deletedServerIDs.isEmpty)
        #expect(nothing.through == later.through)
    }

    @Test(arguments: StoreBackend.allCases)
    func aNegativeLimitMeansNoLimit(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let added = try await fixture.store.addItems((1...3).map { StoreFixture.email("m\($0)") }, to: inbox.id)
        let all = try await fixture.store.itemChanges(in: inbox.id, since: .zero, limit: -1)
        #expect(all.changed.map(\.serverID) == added.map(\.serverID))
        #expect(all.through == added.last?.modSeq)
    }

    @Test(arguments: StoreBackend.allCases)
    func aLimitedPageEndsAtItsLastItemSoTheNextPageContinues(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        _ = try await fixture.store.addItems((1...25).map { StoreFixture.email("m\($0)") }, to: inbox.id)
        var since = ModSeq.zero
        var seen: [String] = []
        while true {
            let page = try await fixture.store.itemChanges(in: inbox.id, since: since, limit: 10)
            seen += page.changed.map(\.serverID)
            if page.changed.count < 10 { break }
            since = page.through
        }
        #expect(seen.count == 25)
        #expect(Set(seen).count == 25)
    }

    @Test(arguments: StoreBackend.allCases)
    func aMoveIsATombstoneInTheSourceAndANewItemInTheDestination(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let archive = try await fixture.store.createFolder(
            of: fixture.user.id, parentServerID: inbox.serverID, displayName: "Archive", type: .userCreatedMail)
        let item = try await fixture.store.addItem(StoreFixture.email("keep"), to: inbox.id)
        let inboxMark = try await fixture.store.itemChanges(in: inbox.id, since: .zero, limit: 100).through
        let moved = try await fixture.store.moveItem(from: inbox.id, serverID: item.serverID, to: archive.id)
        #expect(moved.serverID == "\(archive.serverID):1")
        #expect(moved.content == item.content)
        let source = try await fixture.store.itemChanges(in: inbox.id, since: inboxMark, limit: 100)
        #expect(source.deletedServerIDs == [item.serverID])
        let destination = try await fixture.store.itemChanges(in: archive.id, since: .zero, limit: 100)
        #expect(destination.changed.map(\.serverID) == [moved.serverID])
        #expect(try await fixture.store.item(in: inbox.id, serverID: item.serverID) == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func folderChangesCoverCreateRenameAndDeleteWithSubfolders(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let store = fixture.store
        let userID = fixture.user.id
        let initial = try await store.folderChanges(of: userID, since: .zero)
        #expect(initial.changed.count == Folder.defaultSet.count)
        let projects = try await store.createFolder(
            of: userID, parentServerID: "0", displayName: "Projects", type: .userCreatedMail)
        let tern = try await store.createFolder(
            of: userID, parentServerID: projects.serverID, displayName: "Tern", type: .userCreatedMail)
        let afterCreate = try await store.folderChanges(of: userID, since: initial.through)
        #expect(afterCreate.changed.map(\.displayName) == ["Projects", "Tern"])

        _ = try await store.updateFolder(
            of: userID, serverID: tern.serverID, parentServerID: "0", displayName: "Tern 2")
        let afterRename = try await store.folderChanges(of: userID, since: afterCreate.through)
        #expect(afterRename.changed.map(\.displayName) == ["Tern 2"])

        try await store.deleteFolder(of: userID, serverID: projects.serverID)
        let afterDelete = try await store.folderChanges(of: userID, since: afterRename.through)
        #expect(afterDelete.deletedServerIDs == [projects.serverID])
        #expect(try await store.folder(of: userID, serverID: tern.serverID) != nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func folderRulesAreEnforced(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let store = fixture.store
        let userID = fixture.user.id
        let inbox = try await fixture.folder(.inbox)
        let child = try await store.createFolder(
            of: userID, parentServerID: inbox.serverID, displayName: "A", type: .userCreatedMail)
        await #expect(throws: StoreError.self, "duplicate name among siblings") {
            _ = try await store.createFolder(
                of: userID, parentServerID: inbox.serverID, displayName: "A", type: .userCreatedMail)
        }
        await #expect(throws: StoreError.self, "unknown parent") {
            _ = try await store.createFolder(
                of: userID, parentServerID: "999", displayName: "B", type: .userCreatedMail)
        }
        await #expect(throws: StoreError.self, "default folders are fixed") {
            try await store.deleteFolder(of: userID, serverID: inbox.serverID)
        }
        let grandchild = try await store.createFolder(
            of: userID, parentServerID: child.serverID, displayName: "C", type: .userCreatedMail)
        await #expect(throws: StoreError.self, "no folder below itself") {
            _ = try await store.updateFolder(
                of: userID, serverID: child.serverID, parentServerID: grandchild.serverID, displayName: "A")
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func oneUsersWritesNeverShowInAnothersChanges(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let bob = try await fixture.store.createUser(
            NewUser(login: "bob", emailAddresses: ["bob@tern.example"], displayName: "Bob", passwordHash: "x"))
        let bobsInbox = try #require(try await fixture.store.folders(of: bob.id).first { $0.type == .inbox })
        let annasInbox = try await fixture.folder(.inbox)
        #expect(bobsInbox.id != annasInbox.id)
        _ = try await fixture.store.addItem(StoreFixture.email("for bob"), to: bobsInbox.id)
        #expect(try await fixture.store.itemChanges(in: annasInbox.id, since: .zero, limit: 100).changed.isEmpty)
        #expect(
            try await fixture.store.folderChanges(of: fixture.user.id, since: .zero).changed.allSatisfy {
                $0.userID == fixture.user.id
            })
    }
}
