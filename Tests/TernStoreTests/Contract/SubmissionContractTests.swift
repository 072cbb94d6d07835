import Foundation
import TernAuth
import TernStore
import TernTesting
import Testing

/// Store contract for sent mail: every copy of a submission is filed in one transaction, each
/// owner's changes are announced, and a ClientId sent before files nothing.
@Suite(.droppingPostgresSchemas)
struct SubmissionContractTests {
    @Test(arguments: StoreBackend.allCases)
    func aSubmissionFilesEveryCopyOnceAndAnnouncesEachOwner(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let bruno = try await fixture.store.createUser(
            NewUser(
                login: "bruno", emailAddresses: ["bruno@tern.example"], displayName: "Bruno",
                passwordHash: PasswordHash.make("other", cost: 4)))
        let sent = try await fixture.folder(.sentItems)
        let brunosInbox = try #require(try await fixture.store.folders(of: bruno.id).first { $0.type == .inbox })
        let brunosChanges = fixture.store.changes(for: bruno.id)
        let submission = Submission(
            userID: fixture.user.id, clientID: "c1",
            copies: [
                .init(folderID: brunosInbox.id, content: StoreFixture.email("Lunch")),
                .init(folderID: sent.id, content: StoreFixture.email("Lunch")),
            ])
        guard case .submitted(let items) = try await fixture.store.submit(submission) else {
            Issue.record("the first submission was not filed")
            return
        }
        #expect(items.map(\.folderID) == [brunosInbox.id, sent.id])
        let announced = await brunosChanges.first { _ in true }
        #expect(announced?.folderIDs.contains(brunosInbox.id) == true)

        #expect(try await fixture.store.isSubmitted(clientID: "c1", by: fixture.user.id))
        #expect(try await !fixture.store.isSubmitted(clientID: "c1", by: bruno.id))
        guard case .previouslySent = try await fixture.store.submit(submission) else {
            Issue.record("the same ClientId was filed again")
            return
        }
        #expect(try await fixture.store.itemCount(in: brunosInbox.id) == 1)
        #expect(try await fixture.store.itemCount(in: sent.id) == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func aSubmissionWithACopyIntoAFolderThatIsGoneFilesNothing(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let sent = try await fixture.folder(.sentItems)
        let submission = Submission(
            userID: fixture.user.id, clientID: "c2",
            copies: [
                .init(folderID: sent.id, content: StoreFixture.email("a")),
                .init(folderID: 999_999, content: StoreFixture.email("a")),
            ])
        await #expect(throws: StoreError.self) { _ = try await fixture.store.submit(submission) }
        #expect(try await fixture.store.itemCount(in: sent.id) == 0)
        guard
            case .submitted = try await fixture.store.submit(
                Submission(userID: fixture.user.id, clientID: "c2", copies: []))
        else {
            Issue.record("a ClientId whose submission failed counts as sent")
            return
        }
    }
}
