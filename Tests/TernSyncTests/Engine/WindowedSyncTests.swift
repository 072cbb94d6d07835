import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernSync
import TernTesting
import Testing
import WBXML

/// The engine without HTTP: windows, interleaved changes, lost responses, resent Adds.
@Suite struct WindowedSyncTests {
    @Test func aTenThousandItemFolderArrivesInWindowsEachItemExactlyOnce() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        var stored: [String] = []
        for batch in 0..<20 {
            let items = try await fixture.store.addItems(
                (0..<500).map { EngineFixture.email("Message \(batch * 500 + $0)") }, to: fixture.inbox.id)
            stored += items.map(\.serverID)
        }
        var key = try await fixture.initialKey(fixture.inbox)
        var received: [String] = []
        var rounds = 0
        while true {
            let answer = try await fixture.sync(fixture.inbox, key: key, windowSize: 512)
            #expect(answer.status == SyncStatus.success)
            #expect(answer.commands.count <= 512)
            received += answer.addedServerIDs
            key = try #require(answer.syncKey)
            rounds += 1
            if !answer.moreAvailable { break }
        }
        #expect(received.count == 10_000)
        #expect(Set(received) == Set(stored))
        #expect(rounds == 20, "19 full windows of 512 and one of 272")
        let idle = try await fixture.sync(fixture.inbox, key: key)
        #expect(idle.commands.isEmpty && idle.syncKey == key, "nothing new keeps the key")
    }

    @Test func changesDuringWindowingAreSentOnceAndDeletesOfUnsentItemsNever() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let items = try await fixture.store.addItems(
            (0..<30).map { EngineFixture.email("Old \($0)") }, to: fixture.inbox.id)
        var key = try await fixture.initialKey(fixture.inbox)
        let first = try await fixture.sync(fixture.inbox, key: key, windowSize: 10)
        #expect(first.addedServerIDs == items.prefix(10).map(\.serverID))
        #expect(first.moreAvailable)
        key = try #require(first.syncKey)

        _ = try await fixture.store.updateItem(
            in: fixture.inbox.id, serverID: items[2].serverID, content: EngineFixture.email("Old 2, edited"))
        try await fixture.store.deleteItem(in: fixture.inbox.id, serverID: items[3].serverID)
        try await fixture.store.deleteItem(in: fixture.inbox.id, serverID: items[20].serverID)
        let fresh = try await fixture.store.addItem(EngineFixture.email("New"), to: fixture.inbox.id)

        var added: [String] = []
        var changed: [String] = []
        var deleted: [String] = []
        while true {
            let answer = try await fixture.sync(fixture.inbox, key: key, windowSize: 10)
            added += answer.addedServerIDs
            changed += answer.changedServerIDs
            deleted += answer.deletedServerIDs
            key = try #require(answer.syncKey)
            if !answer.moreAvailable { break }
        }
        #expect(changed == [items[2].serverID])
        #expect(deleted == [items[3].serverID])
        #expect(!added.contains(items[20].serverID), "deleted before it was sent")
        #expect(added.contains(fresh.serverID))
        #expect(Set(added).count == added.count)
        let expected = 30 - 10 - 1 + 1
        #expect(added.count == expected, "the 20 unsent, less one deleted, plus the new one")
    }

    @Test func aLostResponseIsAnsweredAgainWithThePreviousKey() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        _ = try await fixture.store.addItems((0..<5).map { EngineFixture.email("M\($0)") }, to: fixture.inbox.id)
        let key = try await fixture.initialKey(fixture.inbox)
        let lost = try await fixture.sync(fixture.inbox, key: key)
        #expect(lost.addedServerIDs.count == 5)
        let again = try await fixture.sync(fixture.inbox, key: key)
        #expect(again.addedServerIDs == lost.addedServerIDs, "the same items again")
        #expect(again.syncKey != lost.syncKey)
        let superseded = try await fixture.sync(fixture.inbox, key: try #require(lost.syncKey))
        #expect(superseded.status == SyncStatus.invalidSyncKey)
        #expect(superseded.syncKey == "0")
        let next = try await fixture.sync(fixture.inbox, key: try #require(again.syncKey))
        #expect(next.status == SyncStatus.success && next.commands.isEmpty)
    }

    @Test func aResentAddIsNotAppliedTwice() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let key = try await fixture.initialKey(fixture.contacts)
        let add = SyncClientCommand.add(clientID: "c-1", applicationData: EngineFixture.contactData("Ada", "Lovelace"))
        let first = try await fixture.sync(fixture.contacts, key: key, commands: [add])
        let second = try await fixture.sync(fixture.contacts, key: key, commands: [add])
        guard case .add(_, let serverID?, .success) = try #require(first.replies.first),
            case .add(_, let again?, .success) = try #require(second.replies.first)
        else {
            Issue.record("no successful Add reply")
            return
        }
        #expect(serverID == again)
        #expect(try await fixture.store.itemCount(in: fixture.contacts.id) == 1)
        #expect(first.addedServerIDs.isEmpty, "its own Add is not sent back to it")
        let after = try await fixture.sync(fixture.contacts, key: try #require(second.syncKey))
        #expect(after.commands.isEmpty)
        let later = try await fixture.sync(fixture.contacts, key: try #require(after.syncKey), commands: [add])
        #expect(
            try await fixture.store.itemCount(in: fixture.contacts.id) == 2,
            "the same ClientId under a new key is a new contact")
        #expect(later.replies.count == 1)
    }

    @Test func anotherDeviceSeesTheAdd() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let tablet = try await EngineFixture.device("tablet", of: fixture.user, in: fixture.store)
        let phoneKey = try await fixture.initialKey(fixture.contacts)
        let tabletKey = try await fixture.initialKey(fixture.contacts, device: tablet)
        let added = try await fixture.sync(
            fixture.contacts, key: phoneKey,
            commands: [.add(clientID: "1", applicationData: EngineFixture.contactData("Grace", "Hopper"))])
        guard case .add(_, let serverID?, _) = try #require(added.replies.first) else {
            Issue.record("no server id")
            return
        }
        let seen = try await fixture.sync(fixture.contacts, key: tabletKey, device: tablet)
        #expect(seen.addedServerIDs == [serverID])
        guard case .add(_, let data) = try #require(seen.commands.first) else { return }
        #expect(data.elements.first { $0.tag.name == "FirstName" }?.text == "Grace")
    }
}
