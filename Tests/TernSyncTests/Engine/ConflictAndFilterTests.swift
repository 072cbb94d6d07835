import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernSync
import TernTesting
import Testing
import WBXML

/// Conflicts each way, FilterType moving items in and out, and bad input per item.
@Suite struct ConflictAndFilterTests {
    static func options(filterType: Int? = nil, conflict: Int? = nil) -> WBXMLElement {
        var children: [WBXMLElement] = []
        if let filterType { children.append(WBXMLElement(AirSyncTag.filterType, text: String(filterType))) }
        if let conflict { children.append(WBXMLElement(AirSyncTag.conflict, text: String(conflict))) }
        return WBXMLElement(AirSyncTag.options, elements: children)
    }

    /// A contact on the device, changed on the server after the device got it.
    private func conflicted(_ fixture: EngineFixture, options: WBXMLElement?) async throws -> (
        key: String, serverID: String
    ) {
        let item = try await fixture.store.addItem(
            .contact(ContactItem(fields: [.firstName: "Ada", .fileAs: "Ada"])), to: fixture.contacts.id)
        let key = try await fixture.initialKey(fixture.contacts, options: options)
        let got = try await fixture.sync(fixture.contacts, key: key)
        #expect(got.addedServerIDs == [item.serverID])
        _ = try await fixture.store.updateItem(
            in: fixture.contacts.id, serverID: item.serverID,
            content: .contact(ContactItem(fields: [.firstName: "Server", .fileAs: "Server"])))
        return (try #require(got.syncKey), item.serverID)
    }

    @Test func theServerWinsAConflictByDefault() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let (key, serverID) = try await conflicted(fixture, options: nil)
        let answer = try await fixture.sync(
            fixture.contacts, key: key,
            commands: [.change(serverID: serverID, applicationData: EngineFixture.contactData("Client", "Side"))])
        #expect(answer.replies == [.change(serverID: serverID, status: SyncStatus.conflict)])
        #expect(answer.changedServerIDs == [serverID], "the server's version goes to the device")
        let stored = try #require(try await fixture.store.item(in: fixture.contacts.id, serverID: serverID))
        guard case .contact(let contact) = stored.content else { return }
        #expect(contact.fields[.firstName] == "Server")
    }

    @Test func theClientWinsWhenItAsks() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let (key, serverID) = try await conflicted(fixture, options: Self.options(conflict: 0))
        let answer = try await fixture.sync(
            fixture.contacts, key: key,
            commands: [.change(serverID: serverID, applicationData: EngineFixture.contactData("Client", "Side"))])
        #expect(answer.replies.isEmpty, "a Change that succeeded gets no reply")
        #expect(answer.commands.isEmpty, "its own change is not echoed")
        let stored = try #require(try await fixture.store.item(in: fixture.contacts.id, serverID: serverID))
        guard case .contact(let contact) = stored.content else { return }
        #expect(contact.fields[.firstName] == "Client")
    }

    @Test func filterTypeMovesItemsInAndOutOfRange() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let now = Date(timeIntervalSince1970: 1_796_118_497)
        let recent = try await fixture.store.addItem(
            EngineFixture.email("Today", received: now.addingTimeInterval(-3600)), to: fixture.inbox.id)
        let lastWeek = try await fixture.store.addItem(
            EngineFixture.email("Last week", received: now.addingTimeInterval(-6 * 86_400)), to: fixture.inbox.id)
        let old = try await fixture.store.addItem(
            EngineFixture.email("Old", received: now.addingTimeInterval(-400 * 86_400)), to: fixture.inbox.id)

        var key = try await fixture.initialKey(fixture.inbox, options: Self.options(filterType: 3))
        let week = try await fixture.sync(fixture.inbox, key: key, now: now)
        #expect(Set(week.addedServerIDs) == [recent.serverID, lastWeek.serverID])
        key = try #require(week.syncKey)

        let all = try await fixture.sync(fixture.inbox, key: key, options: Self.options(filterType: 0), now: now)
        #expect(all.addedServerIDs == [old.serverID], "only what was out of range comes")
        key = try #require(all.syncKey)

        let day = try await fixture.sync(fixture.inbox, key: key, options: Self.options(filterType: 1), now: now)
        #expect(Set(day.softDeletedServerIDs) == [lastWeek.serverID, old.serverID])
        #expect(day.addedServerIDs.isEmpty && day.changedServerIDs.isEmpty)
        key = try #require(day.syncKey)
        let cached = try await fixture.sync(fixture.inbox, key: key, now: now)
        #expect(cached.commands.isEmpty, "the filter is cached, nothing comes back")
    }

    @Test func itemsAgeOutOfARollingDateFilter() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let start = Date()
        let ageing = try await fixture.store.addItem(
            EngineFixture.email("Yesterday", received: start.addingTimeInterval(-20 * 3600)), to: fixture.inbox.id)
        let fresh = try await fixture.store.addItem(
            EngineFixture.email("Just now", received: start.addingTimeInterval(-60)), to: fixture.inbox.id)
        var key = try await fixture.initialKey(fixture.inbox, options: Self.options(filterType: 1))
        let first = try await fixture.sync(fixture.inbox, key: key, now: start)
        #expect(Set(first.addedServerIDs) == [ageing.serverID, fresh.serverID])
        key = try #require(first.syncKey)

        // Half an hour on: not yet time to look (an hour at least), and nothing has aged yet.
        let soon = try await fixture.sync(fixture.inbox, key: key, now: start.addingTimeInterval(1800))
        #expect(soon.commands.isEmpty && soon.syncKey == key)
        // Seven hours on, past a quarter of the one-day window: the first message is 27 hours old.
        let later = try await fixture.sync(fixture.inbox, key: key, now: start.addingTimeInterval(7 * 3600))
        #expect(later.softDeletedServerIDs == [ageing.serverID])
        #expect(later.addedServerIDs.isEmpty && later.changedServerIDs.isEmpty)
        key = try #require(later.syncKey)
        let after = try await fixture.sync(fixture.inbox, key: key, now: start.addingTimeInterval(7 * 3600 + 60))
        #expect(after.commands.isEmpty, "the walk is done: nothing comes twice")
    }

    @Test func badItemsGetTheirOwnStatusAndTheRestIsApplied() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let key = try await fixture.initialKey(fixture.contacts)
        let garbage = WBXMLElement(
            AirSyncTag.applicationData,
            elements: [
                WBXMLElement(ContactsTag.firstName, text: String(repeating: "x", count: 40_000))
            ])
        let answer = try await fixture.sync(
            fixture.contacts, key: key,
            commands: [
                .add(clientID: "bad", applicationData: garbage),
                .add(clientID: "good", applicationData: EngineFixture.contactData("Alan", "Turing")),
                .change(serverID: "7:999", applicationData: EngineFixture.contactData("No", "One")),
                .delete(serverID: "7:998"),
                .fetch(serverID: "7:997"),
            ])
        #expect(answer.status == SyncStatus.success)
        #expect(answer.replies.count == 5)
        #expect(answer.replies[0] == .add(clientID: "bad", serverID: nil, status: SyncStatus.conversionError))
        guard case .add("good", _?, SyncStatus.success) = answer.replies[1] else {
            Issue.record("the good Add was not applied: \(answer.replies[1])")
            return
        }
        #expect(answer.replies[2] == .change(serverID: "7:999", status: SyncStatus.objectNotFound))
        #expect(answer.replies[3] == .delete(serverID: "7:998", status: SyncStatus.objectNotFound))
        #expect(answer.replies[4] == .fetch(serverID: "7:997", status: SyncStatus.objectNotFound, applicationData: nil))
        #expect(try await fixture.store.itemCount(in: fixture.contacts.id) == 1)
    }

    @Test func unknownCollectionsAndForeignKeysAreRefused() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let tablet = try await EngineFixture.device("tablet", of: fixture.user, in: fixture.store)
        let phoneKey = try await fixture.initialKey(fixture.inbox)
        let other = try await fixture.sync(fixture.inbox, key: phoneKey, device: tablet)
        #expect(other.status == SyncStatus.invalidSyncKey, "a key of another device")
        var missing = fixture.inbox
        missing.serverID = "404"
        #expect(try await fixture.sync(missing, key: phoneKey).status == SyncStatus.hierarchyChanged)
        #expect(try await fixture.sync(fixture.inbox, key: "not-a-key").status == SyncStatus.invalidSyncKey)
    }

    @Test func deletesMoveToDeletedItemsUnlessTheDeviceSaysOtherwise() async throws {
        let fixture = try await EngineFixture()
        defer { fixture.directory.remove() }
        let item = try await fixture.store.addItem(EngineFixture.email("Bin me"), to: fixture.inbox.id)
        var key = try await fixture.initialKey(fixture.inbox)
        key = try #require(try await fixture.sync(fixture.inbox, key: key).syncKey)
        let answer = try await fixture.sync(fixture.inbox, key: key, commands: [.delete(serverID: item.serverID)])
        #expect(answer.replies.isEmpty && answer.commands.isEmpty)
        let trash = try #require(
            try await fixture.store.folders(of: fixture.user.id).first { $0.type == .deletedItems })
        #expect(try await fixture.store.itemCount(in: trash.id) == 1)
        #expect(try await fixture.store.itemCount(in: fixture.inbox.id) == 0)
    }
}
