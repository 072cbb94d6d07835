import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// The change feed: committed writes reach subscribers of that user. How fast is measured by
/// `Benchmarks/` (feed-latency), not here: a timed unit test on a loaded CI machine only flakes.
struct ChangeFeedTests {
    /// The first change on `stream`, or nil after `timeout`.
    static func firstChange(_ stream: AsyncStream<StoreChange>, timeout: Duration = .seconds(5)) async -> StoreChange? {
        await withTaskGroup(of: StoreChange?.self) { group in
            group.addTask { await stream.first { _ in true } }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test func aWriteThroughAnotherConnectionIsNoticed() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let stream = fixture.store.changes(for: fixture.user.id)
        // A second store on the same file stands for another process (the child-process case
        // is EndToEndTests/DeliverCommandTests).
        let other = try SQLiteStore(dataDirectory: fixture.directory.path)
        _ = try await other.addItem(StoreFixture.email("from elsewhere"), to: inbox.id)
        let change = try #require(await Self.firstChange(stream))
        #expect(change.folderIDs == [inbox.id])
    }

    /// A store nobody listens to (as in `tern deliver`) rings the commit bell after its
    /// commit, and a listening store hears it at once, not at its next poll (a minute here).
    @Test func aCommitElsewhereRingsTheBellAndIsHeardBeforeThePoll() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.directory.remove() }
        let inbox = try await fixture.folder(.inbox)
        let listening = try SQLiteStore(dataDirectory: fixture.directory.path, changePollInterval: .seconds(60))
        let stream = listening.changes(for: fixture.user.id)
        _ = try await fixture.store.addItem(StoreFixture.email("delivered"), to: inbox.id)
        let change = try #require(await Self.firstChange(stream, timeout: .seconds(10)))
        #expect(change.folderIDs == [inbox.id])
    }

    /// The bell gets the database's permission bits, so a mail server user allowed to write
    /// the database may ring it too.
    @Test func theBellHasTheDatabasesPermissions() async throws {
        let fixture = try await StoreFixture()
        defer { fixture.directory.remove() }
        let database = fixture.directory.url.appending(path: "tern.sqlite").path
        try FileManager.default.setAttributes([.posixPermissions: 0o660], ofItemAtPath: database)
        let listening = try SQLiteStore(dataDirectory: fixture.directory.path)
        _ = listening.changes(for: fixture.user.id)
        let bell = try FileManager.default.attributesOfItem(atPath: database + "-bell")
        #expect((bell[.posixPermissions] as? Int) == 0o660)
    }
}
