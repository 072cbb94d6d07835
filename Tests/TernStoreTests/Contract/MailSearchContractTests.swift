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

    @Test(arguments: StoreBackend.allCases)
    func wordsArePrefixesFoldedNewestFirstWithinTheirFolderAndConversation(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let sent = try await fixture.folder(.sentItems)
        let thread = Data((1...16).map { UInt8($0) })
        _ = try await fixture.store.addItem(Self.email("Lunch in Zürich", body: "at noon"), to: inbox.id)
        _ = try await fixture.store.addItem(
            Self.email("Dinner", body: "ZURICH again", conversation: thread), to: inbox.id)
        _ = try await fixture.store.addItem(Self.email("Report", body: "Zürichsee"), to: sent.id)

        #expect(try await Self.search(fixture, "zur", in: [inbox]) == ["Dinner", "Lunch in Zürich"])
        #expect(try await Self.search(fixture, "ZÜRICH lunch", in: [inbox]) == ["Lunch in Zürich"])
        #expect(try await Self.search(fixture, "zurichsee", in: [inbox, sent]) == ["Report"])
        #expect(try await Self.search(fixture, "lunch", in: [sent]).isEmpty)
        let words = try await fixture.store.searchMail(
            MailSearchQuery(words: ["zur'*", "\"noon\")"], folderIDs: [inbox.id]))
        #expect(words.total == 1, "quotes, stars and operators in a word are no syntax")

        let page = try await fixture.store.searchMail(
            MailSearchQuery(words: ["zurich"], folderIDs: [inbox.id, sent.id], offset: 1, limit: 1))
        #expect(page.total == 3 && page.items.count == 1)
        #expect(Self.subjects(page) == ["Dinner"])
        let inThread = try await fixture.store.searchMail(
            MailSearchQuery(words: ["zurich"], folderIDs: [inbox.id], conversationID: thread))
        #expect(Self.subjects(inThread) == ["Dinner"] && inThread.total == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func aRebuildIndexesEveryMessageHoweverMany(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        _ = try await fixture.store.addItems(
            (1...600).map { StoreFixture.email("m\($0)", body: "okapi") }, to: inbox.id)
        #expect(try await fixture.store.rebuildMailSearchIndex() == 600)
        #expect(
            try await fixture.store.searchMail(MailSearchQuery(words: ["okapi"], folderIDs: [inbox.id])).total == 600)
    }

    static func email(_ subject: String, body: String, conversation: Data? = nil) -> ItemContent {
        guard case .email(var email) = StoreFixture.email(subject, body: body) else {
            return StoreFixture.email(subject)
        }
        email.properties.conversationID = conversation
        return .email(email)
    }

    static func subjects(_ result: MailSearchResult) -> [String] {
        result.items.compactMap {
            if case .email(let email) = $0.content { return email.properties.subject }
            return nil
        }
    }

    @Test func searchTextIsWordsAndNeverQuerySyntax() {
        #expect(
            MailSearchQuery.words(in: "\"Zürich\" OR (lunch*) -x NEAR/3 {subject}:") == [
                "Zürich", "OR", "lunch", "x", "NEAR", "3", "subject",
            ])
    }
}
