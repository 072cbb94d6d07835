import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// Store contract: the full-text index follows every write of mail in its own transaction.
@Suite(.droppingPostgresSchemas)
struct MailSearchContractTests {
    static func search(_ fixture: StoreFixture, _ text: String, in folders: [Folder]) async throws -> [String] {
        try await fixture.store.searchMail(
            MailSearchQuery(words: MailSearchQuery.words(in: text), folderIDs: folders.map(\.id))
        ).items.compactMap {
            if case .email(let email) = $0.content { return email.properties.subject }
            return nil
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aMovedEditedOrDeletedMessageIsFoundWhereAndAsItIsNow(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let sent = try await fixture.folder(.sentItems)
        let drafts = try await fixture.folder(.drafts)
        let moving = try await fixture.store.addItem(StoreFixture.email("Moving", body: "gecko"), to: inbox.id)
        let moved = try await fixture.store.moveItem(from: inbox.id, serverID: moving.serverID, to: sent.id)
        #expect(try await Self.search(fixture, "gecko", in: [inbox]).isEmpty)
        #expect(try await Self.search(fixture, "gecko", in: [sent]) == ["Moving"])

        let draft = try await fixture.store.addItem(StoreFixture.email("Draft", body: "first thought"), to: drafts.id)
        _ = try await fixture.store.updateItem(
            in: drafts.id, serverID: draft.serverID, content: StoreFixture.email("Draft", body: "second thought"))
        #expect(try await Self.search(fixture, "first", in: [drafts]).isEmpty)
        #expect(try await Self.search(fixture, "second", in: [drafts]) == ["Draft"])

        try await fixture.store.deleteItem(in: sent.id, serverID: moved.serverID)
        #expect(try await Self.search(fixture, "gecko", in: [inbox, sent]).isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func removingAFolderOrAUserTakesTheirMailOutOfTheIndex(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let folder = try await fixture.store.createFolder(
            of: fixture.user.id, parentServerID: inbox.serverID, displayName: "Old", type: .userCreatedMail)
        _ = try await fixture.store.addItem(StoreFixture.email("Kept", body: "lemur"), to: inbox.id)
        _ = try await fixture.store.addItem(StoreFixture.email("Filed", body: "lemur"), to: folder.id)
        try await fixture.store.deleteFolder(of: fixture.user.id, serverID: folder.serverID)
        let left = try await fixture.store.searchMail(
            MailSearchQuery(words: ["lemur"], folderIDs: [inbox.id, folder.id]))
        #expect(left.total == 1 && left.items.count == 1)
        #expect(try await fixture.store.rebuildMailSearchIndex() == 1)
        try await fixture.store.removeUser(login: fixture.user.login)
        #expect(try await fixture.store.rebuildMailSearchIndex() == 0)
        #expect(try await fixture.store.searchMail(MailSearchQuery(words: ["lemur"], folderIDs: [inbox.id])).total == 0)
    }

    @Test func searchTextIsWordsAndNeverQuerySyntax() {
        #expect(
            MailSearchQuery.words(in: "\"Zürich\" OR (lunch*) -x NEAR/3 {subject}:") == [
                "Zürich", "OR", "lunch", "x", "NEAR", "3", "subject",
            ])
    }
}
