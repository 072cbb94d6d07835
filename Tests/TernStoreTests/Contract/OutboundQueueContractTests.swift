import Foundation
import TernStore
import TernTesting
import Testing

/// Store contract for the outbound queue: a message is queued in the submission's
/// transaction, claimed for one attempt at a time, and leaves the queue only when no
/// recipient is left; a bounce lands in the sender's Inbox in the attempt's transaction.
@Suite(.droppingPostgresSchemas)
struct OutboundQueueContractTests {
    static let message = OutboundMessage(
        sender: "anna@tern.example", recipients: ["carla@outside.example", "dave@elsewhere.example"],
        raw: Array("From: anna@tern.example\r\nSubject: Out\r\n\r\nHello.\r\n".utf8))

    static func queue(_ fixture: StoreFixture, clientID: String = "q1") async throws -> QueuedMessage {
        let sent = try await fixture.folder(.sentItems)
        _ = try await fixture.store.submit(
            Submission(
                userID: fixture.user.id, clientID: clientID,
                copies: [.init(folderID: sent.id, content: StoreFixture.email("Out"))], outbound: message))
        return try #require(try await fixture.store.queuedMessages().last)
    }

    @Test(arguments: StoreBackend.allCases)
    func aSubmissionQueuesItsOutboundMessageAndAClaimHoldsItForTheLease(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let queued = try await Self.queue(fixture)
        #expect(queued.recipients == Self.message.recipients && queued.sender == "anna@tern.example")
        #expect(queued.size == Self.message.raw.count && queued.attempts == 0)

        let now = Date().addingTimeInterval(1)
        let claimed = try await fixture.store.claimQueuedMessages(dueAt: now, lease: 600, limit: 10)
        #expect(claimed.map(\.raw) == [Self.message.raw])
        #expect(claimed.first?.message.attempts == 1)
        #expect(try await fixture.store.claimQueuedMessages(dueAt: now, lease: 600, limit: 10).isEmpty, "leased")
        let afterLease = try await fixture.store.claimQueuedMessages(
            dueAt: now.addingTimeInterval(601), lease: 600, limit: 10)
        #expect(afterLease.first?.message.attempts == 2, "a runner killed mid-attempt leaves it to the next")
    }

    @Test(.timeLimit(.minutes(1)), arguments: StoreBackend.allCases)
    func anAttemptKeepsOnlyDeferredRecipientsAndFilesTheBounce(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let queued = try await Self.queue(fixture)
        let inbox = try await fixture.folder(.inbox)
        let inboxChanges = fixture.store.changes(for: fixture.user.id)
        let retryAt = Date().addingTimeInterval(300)
        let content = StoreFixture.email("Undelivered")
        guard case .email(let bounce) = content else {
            Issue.record("the fixture is not an email: \(content)")
            return
        }
        try await fixture.store.recordAttempt(
            QueueAttempt(
                id: queued.id, deferred: ["dave@elsewhere.example"], deferralReason: "451 4.3.0 later",
                nextAttemptAt: retryAt, bounce: bounce))
        let left = try #require(try await fixture.store.queuedMessages().first)
        #expect(left.recipients == ["dave@elsewhere.example"] && left.lastError == "451 4.3.0 later")
        #expect(abs(left.nextAttemptAt.timeIntervalSince(retryAt)) < 0.01)
        #expect(try await fixture.store.itemCount(in: inbox.id) == 1)
        var changes = inboxChanges.makeAsyncIterator()
        #expect(await changes.next()?.folderIDs.contains(inbox.id) == true, "the bounce is announced")

        try await fixture.store.recordAttempt(QueueAttempt(id: queued.id))
        #expect(try await fixture.store.queuedMessages().isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func retryMakesAMessageDueAndDropRemovesIt(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let first = try await Self.queue(fixture, clientID: "q1")
        let second = try await Self.queue(fixture, clientID: "q2")
        // Claims look ten minutes ahead: a retry makes a message due when it runs, which a
        // loaded machine may put seconds after this line; the leases still run past it.
        let now = Date().addingTimeInterval(600)
        #expect(try await fixture.store.claimQueuedMessages(dueAt: now, lease: 3600, limit: 10).count == 2)
        #expect(try await fixture.store.retryQueuedMessages(id: second.id) == 1)
        #expect(
            try await fixture.store.claimQueuedMessages(dueAt: now, lease: 3600, limit: 10).map(\.message.id) == [
                second.id
            ])
        #expect(try await fixture.store.retryQueuedMessages(id: nil) == 2)
        #expect(try await fixture.store.retryQueuedMessages(id: 999_999) == 0)
        #expect(try await fixture.store.dropQueuedMessage(id: first.id))
        #expect(try await !fixture.store.dropQueuedMessage(id: first.id))
        #expect(try await fixture.store.queuedMessages().map(\.id) == [second.id])
    }
}
