import ActiveSync
import Foundation
import Glibc
import Logging
import PostgresNIO
import Synchronization
import TernStore
import TernTesting
import Testing

@testable import TernStorePostgres

/// Two `PostgresStore`s on one database stand for two server nodes: a write through one is
/// heard by the other (only by the nodes that listen for its user, once one does),
/// concurrent writers of one user take consecutive modseqs, and a LISTEN connection that
/// drops comes back without losing a wake.
@Suite(.droppingPostgresSchemas, .enabled(if: PostgresTestDatabase.isRequested))
struct PostgresNodeTests {
    /// Two nodes on a fresh schema, and a user made through the first.
    struct Nodes {
        let schema: String
        let first: PostgresStore
        let second: PostgresStore
        let user: User
        let inbox: Folder

        init() async throws {
            schema = PostgresTestDatabase.newSchema()
            first = try await PostgresTestDatabase.openStore(schema: schema)
            second = try await PostgresTestDatabase.openStore(schema: schema)
            user = try await first.createUser(
                NewUser(login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna", passwordHash: "x"))
            inbox = try #require(try await second.folders(of: user.id).first { $0.type == .inbox })
        }

        /// A write through the second node, heard by the first: its LISTEN is in place and the
        /// sweep that follows it has run, so what the first hears next is what the test does.
        func warmUp() async throws {
            let stream = first.changes(for: user.id)
            _ = try await second.addItem(StoreFixture.email("warm-up"), to: inbox.id)
            _ = try #require(await ChangeFeedTests.firstChange(stream))
        }
    }

    @Test func aWriteThroughOneNodeWakesASubscriberOfTheOtherAtOnce() async throws {
        let nodes = try await Nodes()
        // The first wake may come from the sweep that follows the LISTEN; the second is the
        // NOTIFY's own.
        let warmUpStream = nodes.first.changes(for: nodes.user.id)
        let warmUp = try await nodes.second.addItem(StoreFixture.email("warm-up"), to: nodes.inbox.id)
        #expect(await ChangeFeedTests.firstChange(warmUpStream)?.modSeq == warmUp.modSeq)
        // Nothing but the NOTIFY can bring this one: no poll runs and the connection stays up.
        // How fast it comes is Benchmarks/' to measure (tens of milliseconds here, idle); the
        // bound only tells the NOTIFY from anything slower on a loaded machine.
        let stream = nodes.first.changes(for: nodes.user.id)
        let item = try await nodes.second.addItem(StoreFixture.email("from the other node"), to: nodes.inbox.id)
        let committed = ContinuousClock.now
        let change = try #require(await ChangeFeedTests.firstChange(stream))
        let latency = ContinuousClock.now - committed
        #expect(change.modSeq == item.modSeq && change.folderIDs == [nodes.inbox.id])
        #expect(latency < .seconds(2), "heard \(latency) after the commit")
    }

    @Test func concurrentWritersOnTwoNodesTakeConsecutiveModSeqsAndLoseNothing() async throws {
        let nodes = try await Nodes()
        let start = try await nodes.first.itemChanges(in: nodes.inbox.id, since: .zero, limit: 1).through
        let feed = nodes.first.allChanges(interest: .everyone)
        let perNode = 25
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (name, node) in [("a", nodes.first), ("b", nodes.second)] {
                for index in 0..<perNode {
                    group.addTask {
                        _ = try await node.addItem(StoreFixture.email("\(name)\(index)"), to: nodes.inbox.id)
                    }
                }
            }
            try await group.waitForAll()
        }
        let changes = try await nodes.second.itemChanges(in: nodes.inbox.id, since: start, limit: 1000)
        let expected = (1...Int64(2 * perNode)).map { ModSeq(rawValue: start.rawValue + $0) }
        #expect(changes.changed.map(\.modSeq) == expected)
        #expect(changes.through == expected.last)
        #expect(Set(changes.changed.map(\.serverID)).count == 2 * perNode)
        let heard = await Self.first(2 * perNode, of: feed).map(\.modSeq)
        #expect(heard == expected, "the feed hears every commit once, in order")
    }

    /// A device that syncs a folder in small pages while both nodes add, edit, delete and
    /// move its items ends holding exactly what the folder holds: no change committed under
    /// a modseq it had already passed.
    @Test func aDeviceSyncingDuringWritesOnBothNodesMissesNothing() async throws {
        let nodes = try await Nodes()
        let elsewhere = try await nodes.first.createFolder(
            of: nodes.user.id, parentServerID: nodes.inbox.serverID, displayName: "Elsewhere", type: .userCreatedMail)
        let inbox = nodes.inbox.id
        let done = Flag()
        let writing = Task {
            defer { done.raise() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, node) in [nodes.first, nodes.second].enumerated() {
                    group.addTask { try await Self.churn(inbox, via: elsewhere.id, on: node, name: "n\(index)") }
                }
                try await group.waitForAll()
            }
        }
        // The device, in pages of 7 from the second node, while the writers run and then
        // until a page read after they finished brings nothing.
        var held: Set<String> = []
        var since = ModSeq.zero
        while true {
            let finished = done.isRaised
            let page = try await nodes.second.itemChanges(in: inbox, since: since, limit: 7)
            held.subtract(page.deletedServerIDs)
            held.formUnion(page.changed.map(\.serverID))
            since = page.through
            if finished && page.changed.isEmpty && page.removed.isEmpty { break }
        }
        try await writing.value
        let now = try await nodes.first.itemChanges(in: inbox, since: .zero, limit: 10_000)
        #expect(held == Set(now.changed.map(\.serverID)))
        #expect(try await nodes.first.itemCount(in: inbox) == held.count)
    }

    /// Raised once, read from anywhere.
    final class Flag: Sendable {
        private let raised = Mutex(false)

        func raise() { raised.withLock { $0 = true } }

        var isRaised: Bool { raised.withLock { $0 } }
    }

    /// Adds, edits, moves away and back, and deletes items of `folder`, 40 steps.
    static func churn(_ folder: Folder.ID, via other: Folder.ID, on store: PostgresStore, name: String) async throws {
        var mine: [String] = []
        for step in 0..<40 {
            switch step % 4 {
            case 0, 1:
                mine.append(try await store.addItem(StoreFixture.email("\(name) \(step)"), to: folder).serverID)
            case 2:
                guard let serverID = mine.popLast() else { continue }
                _ = try await store.updateItem(in: folder, serverID: serverID, content: StoreFixture.email("edited"))
                let away = try await store.moveItem(from: folder, serverID: serverID, to: other)
                mine.append(try await store.moveItem(from: other, serverID: away.serverID, to: folder).serverID)
            default:
                guard !mine.isEmpty else { continue }
                try await store.deleteItem(in: folder, serverID: mine.removeFirst())
            }
        }
    }

    @Test func aKilledListenConnectionComesBackAndTheWakesMeanwhileArrive() async throws {
        let nodes = try await Nodes()
        try await nodes.warmUp()
        let name = nodes.first.feed.listenerName
        let killed = try await Self.listenerPIDs(name)
        try #require(killed.count == 1)
        let meanwhileStream = nodes.first.changes(for: nodes.user.id)
        try await PostgresTestDatabase.withConnection { connection in
            _ = try await connection.query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = \(name)",
                logger: Logger(label: "tern.test.postgres"))
        }
        let meanwhile = try await nodes.second.addItem(StoreFixture.email("while it was down"), to: nodes.inbox.id)
        #expect(await ChangeFeedTests.firstChange(meanwhileStream)?.modSeq == meanwhile.modSeq)

        let back = try await eventually(timeout: .seconds(10)) {
            let now = try await Self.listenerPIDs(name)
            return now.count == 1 && now != killed
        }
        #expect(back, "a new LISTEN connection replaces the killed one")
        let afterStream = nodes.first.changes(for: nodes.user.id)
        let after = try await nodes.second.addItem(StoreFixture.email("after"), to: nodes.inbox.id)
        #expect(await ChangeFeedTests.firstChange(afterStream)?.modSeq == after.modSeq)
    }

    @Test func aWipeIssuedThroughOneNodeWakesTheDevicesSubscriberOnTheOther() async throws {
        let nodes = try await Nodes()
        var device = try await nodes.first.saveDevice(
            Device(
                id: 0, userID: nodes.user.id, deviceID: "phone", deviceType: "iPhone", firstSeen: Date(),
                lastSeen: Date()))
        let stream = nodes.first.changes(for: nodes.user.id)
        device.wipe = .requested(accountOnly: false, at: Date())
        _ = try await nodes.second.saveDevice(device)
        let change = try #require(await ChangeFeedTests.firstChange(stream))
        #expect(change.deviceIDs == [device.id] && change.modSeq == .zero)
    }

    @Test func aCommitWakesOnlyTheNodesThatListenForItsUser() async throws {
        let nodes = try await Nodes()
        try await nodes.warmUp()
        // Until a node asks for the user, every node hears them: the second's LISTEN is in place.
        let warmUp = nodes.second.changes(for: nodes.user.id)
        _ = try await nodes.first.addItem(StoreFixture.email("warm-up 2"), to: nodes.inbox.id)
        _ = try #require(await ChangeFeedTests.firstChange(warmUp))

        try await nodes.first.listenForChanges(of: nodes.user.id)
        let heard = nodes.first.changes(for: nodes.user.id)
        let unheard = nodes.second.changes(for: nodes.user.id)
        // A third process writes, as `tern deliver --database` does: neither node's own commit.
        let deliverer = try await PostgresTestDatabase.openStore(schema: nodes.schema)
        let routed = try await deliverer.addItem(StoreFixture.email("routed"), to: nodes.inbox.id)
        #expect(await ChangeFeedTests.firstChange(heard)?.modSeq == routed.modSeq)
        #expect(await ChangeFeedTests.firstChange(unheard, timeout: .milliseconds(500)) == nil)

        // Once the second asks too, both hear; the second reads what it missed from the log.
        try await nodes.second.listenForChanges(of: nodes.user.id)
        let later = nodes.second.changes(for: nodes.user.id)
        let next = try await deliverer.addItem(StoreFixture.email("both"), to: nodes.inbox.id)
        #expect(await ChangeFeedTests.firstChange(heard)?.modSeq == next.modSeq)
        #expect(await Self.first(2, of: later).map(\.modSeq) == [routed.modSeq, next.modSeq])
    }

    @Test func aNodeNotSeenForTheExpiryIsNoLongerWoken() async throws {
        let nodes = try await Nodes()
        try await nodes.first.listenForChanges(of: nodes.user.id)
        let firstID = nodes.first.feed.routes.nodeID
        let secondID = nodes.second.feed.routes.nodeID
        let expired = Int(WakeRoutes.expiry.components.seconds) + 60
        _ = try await nodes.second.writeStatement { session in
            try await session.run(
                "UPDATE nodes SET seen_at = now() - make_interval(secs => \(expired)) WHERE id = \(firstID)")
        }
        try await nodes.second.listenForChanges(of: nodes.user.id)
        let named = try await nodes.second.readStatement { session in
            try await session.value([String].self, "SELECT wake_nodes FROM users WHERE id = \(nodes.user.id)")
        }
        #expect(named == [secondID])
    }

    @Test func aDeviceFirstSeenOnBothNodesAtOnceIsOneDevice() async throws {
        let nodes = try await Nodes()
        let seen = Date()
        let saved = try await withThrowingTaskGroup(of: Device.self) { group in
            for node in [nodes.first, nodes.second] {
                group.addTask {
                    try await node.saveDevice(
                        Device(
                            id: 0, userID: nodes.user.id, deviceID: "phone", deviceType: "iPhone", firstSeen: seen,
                            lastSeen: seen))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(saved.map(\.id)).count == 1)
        #expect(try await nodes.first.devices(of: nodes.user.id).count == 1)
    }

    @Test func oneLoginTakenOnTwoNodesAtOnceMakesOneUser() async throws {
        let nodes = try await Nodes()
        let outcomes = await withTaskGroup(of: Result<User, StoreError>.self) { group in
            for node in [nodes.first, nodes.second] {
                group.addTask {
                    do throws(StoreError) {
                        return .success(
                            try await node.createUser(
                                NewUser(
                                    login: "bruno", emailAddresses: ["bruno@tern.example"], displayName: "Bruno",
                                    passwordHash: "x")))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let made = outcomes.compactMap { try? $0.get() }
        #expect(made.count == 1)
        for case .failure(let error) in outcomes { #expect(error.code == .alreadyExists, "\(error)") }
        #expect(try await nodes.second.users().map(\.login) == ["anna", "bruno"])
    }

    /// A commit whose NOTIFY never came (as if sent while nobody listened) is found by the
    /// safety poll of `followChanges`, which reads the log rows written since the poll before
    /// the last.
    @Test func theSafetyPollFindsACommitWhoseNotificationWasLost() async throws {
        let nodes = try await Nodes()
        try await nodes.warmUp()
        let stream = nodes.first.changes(for: nodes.user.id)
        let clock = ManualClock()
        let following = Task { await nodes.first.followChanges(clock: clock) }
        defer { following.cancel() }
        try await PostgresTestDatabase.withConnection { connection in
            _ = try await connection.query("BEGIN", logger: Self.logger)
            _ = try await Self.logWithoutNotice(nodes, on: connection)
            _ = try await connection.query("COMMIT", logger: Self.logger)
        }
        #expect(await Self.firstChange(stream, advancing: clock)?.folderIDs == [nodes.inbox.id])
    }

    /// A transaction that took its log row's id before a poll swept past it and committed
    /// after (its NOTIFY lost) is found by the next poll, which reads the log again from
    /// where the one before the last began.
    @Test func thePollFindsACommitThatTookItsLogIDBeforeTheLastSweep() async throws {
        let nodes = try await Nodes()
        let bruno = try await nodes.first.createUser(
            NewUser(login: "bruno", emailAddresses: [], displayName: "Bruno", passwordHash: "x"))
        let brunosInbox = try #require(try await nodes.first.folders(of: bruno.id).first { $0.type == .inbox })
        try await nodes.warmUp()
        let stream = nodes.first.changes(for: nodes.user.id)
        let clock = ManualClock()
        let following = Task { await nodes.first.followChanges(clock: clock) }
        defer { following.cancel() }
        try await PostgresTestDatabase.withConnection { slow in
            _ = try await slow.query("BEGIN", logger: Self.logger)
            let logged = try await Self.logWithoutNotice(nodes, on: slow)
            // Someone else's write commits with a later log id, and one poll sweeps past it.
            _ = try await nodes.second.addItem(StoreFixture.email("later"), to: brunosInbox.id)
            var swept = false
            for _ in 0..<50 where !swept {
                clock.advance(by: PostgresChangeFeed.pollInterval)
                swept = await eventually(timeout: .milliseconds(200)) { nodes.first.feed.sweptThrough > logged }
            }
            try #require(swept, "a poll swept past the later row")
            _ = try await slow.query("COMMIT", logger: Self.logger)
        }
        #expect(await Self.firstChange(stream, advancing: clock)?.folderIDs == [nodes.inbox.id])
    }

    /// A NOTIFY that says what its commit changed, the next of its stream, is announced as it
    /// says without reading the log: here the log has no row of it at all.
    @Test func aNotificationThatSaysWhatChangedIsAnnouncedWithoutReadingTheLog() async throws {
        let nodes = try await Nodes()
        try await nodes.warmUp()
        let stream = nodes.first.changes(for: nodes.user.id)
        try await PostgresTestDatabase.withConnection { connection in
            let number = try await Self.nextLogSeq(nodes, on: connection)
            let payload = "\(nodes.user.id) \(number) 77 \(nodes.inbox.id),5 9 h"
            _ = try await connection.query(
                "SELECT pg_notify('tern_changes:' || md5(\(nodes.schema)), \(payload))", logger: Self.logger
            ).collect()
        }
        let change = try #require(await ChangeFeedTests.firstChange(stream))
        #expect(
            change
                == StoreChange(
                    userID: nodes.user.id, modSeq: ModSeq(rawValue: 77), folderIDs: [nodes.inbox.id, 5],
                    hierarchyChanged: true, deviceIDs: [9]))
    }

    private static let logger = Logger(label: "tern.test.postgres")

    /// Logs a change of the user's Inbox as a transaction on `connection` would, without the
    /// NOTIFY; returns the log row's id.
    private static func logWithoutNotice(_ nodes: Nodes, on connection: PostgresConnection) async throws -> Int64 {
        let schema = "\"\(nodes.schema)\""
        let number = try await nextLogSeq(nodes, on: connection)
        let inserted = try await connection.query(
            """
            INSERT INTO \(unescaped: schema).commit_log (user_id, log_seq, modseq, folder_id)
            VALUES (\(nodes.user.id), \(number), 0, \(nodes.inbox.id)) RETURNING id
            """, logger: logger
        ).collect()
        return try #require(inserted.first).decode(Int64.self)
    }

    /// Takes the user's next change-log number on `connection`, as a logged transaction does.
    private static func nextLogSeq(_ nodes: Nodes, on connection: PostgresConnection) async throws -> Int64 {
        let bumped = try await connection.query(
            """
            UPDATE \(unescaped: "\"\(nodes.schema)\"").users SET log_seq = log_seq + 1 WHERE id = \(nodes.user.id)
            RETURNING log_seq
            """, logger: logger
        ).collect()
        return try #require(bumped.first).decode(Int64.self)
    }

    /// The first change on `stream`, moving `clock` on by a poll every 20 ms meanwhile.
    private static func firstChange(_ stream: AsyncStream<StoreChange>, advancing clock: ManualClock) async
        -> StoreChange?
    {
        await withTaskGroup(of: StoreChange?.self) { group in
            group.addTask { await ChangeFeedTests.firstChange(stream) }
            group.addTask {
                while !Task.isCancelled {
                    clock.advance(by: PostgresChangeFeed.pollInterval)
                    try? await Task.sleep(for: .milliseconds(20))
                }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// A LISTEN connection whose server process freezes (SIGSTOP: the socket stays open,
    /// nothing answers, as with a peer gone without a word) is found out by its probe and
    /// replaced, and wakes reach the subscriber again. Needs to signal the server's process:
    /// root, with the database on this machine.
    @Test(.enabled(if: getuid() == 0 && PostgresTestDatabase.isLocal))
    func aListenConnectionThatStopsAnsweringIsReplaced() async throws {
        let schema = PostgresTestDatabase.newSchema()
        let quick = PostgresChangeFeed.Probe(interval: .milliseconds(200), timeout: .milliseconds(500))
        let first = try await PostgresTestDatabase.openStore(schema: schema, listenProbe: quick)
        let second = try await PostgresTestDatabase.openStore(schema: schema)
        let user = try await first.createUser(
            NewUser(login: "anna", emailAddresses: [], displayName: "Anna", passwordHash: "x"))
        let inbox = try #require(try await second.folders(of: user.id).first { $0.type == .inbox })
        let warmUp = first.changes(for: user.id)
        _ = try await second.addItem(StoreFixture.email("warm-up"), to: inbox.id)
        _ = try #require(await ChangeFeedTests.firstChange(warmUp))
        let name = first.feed.listenerName
        let frozen = try #require(try await Self.listenerPIDs(name).first)
        // Only ever a PostgreSQL server process of this machine (not one behind a port from
        // another namespace, whose id would name something else here).
        let command = try String(contentsOfFile: "/proc/\(frozen)/comm", encoding: .utf8)
        try #require(command.hasPrefix("postgres"), "process \(frozen) is \(command)")
        try #require(kill(pid_t(frozen), SIGSTOP) == 0)
        defer { kill(pid_t(frozen), SIGCONT) }
        let replaced = try await eventually(timeout: .seconds(10)) {
            try await Self.listenerPIDs(name).contains { $0 != frozen }
        }
        #expect(replaced, "a new LISTEN connection takes the frozen one's place")
        let stream = first.changes(for: user.id)
        let item = try await second.addItem(StoreFixture.email("after the freeze"), to: inbox.id)
        #expect(await ChangeFeedTests.firstChange(stream)?.modSeq == item.modSeq)
    }

    /// The safety poll prunes log rows past `retention` and keeps the rest.
    @Test func theSafetyPollPrunesOldLogRows() async throws {
        let nodes = try await Nodes()
        _ = try await nodes.second.addItem(StoreFixture.email("recent"), to: nodes.inbox.id)
        let log = "\"\(nodes.schema)\".commit_log"
        try await PostgresTestDatabase.withConnection { connection in
            _ = try await connection.query(
                """
                INSERT INTO \(unescaped: log) (user_id, log_seq, modseq, committed_at)
                VALUES (\(nodes.user.id), 0, 0, now() - interval '1 day')
                """, logger: Logger(label: "tern.test.postgres"))
        }
        let clock = ManualClock()
        let pruned = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await nodes.first.followChanges(clock: clock)
                return false
            }
            group.addTask {
                let gone =
                    (try? await eventually { @Sendable in
                        clock.advance(by: PostgresChangeFeed.pollInterval)
                        return try await Self.logRows(log, since: "1 hour").old == 0
                    }) ?? false
                return gone
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        #expect(pruned, "the day-old row is pruned")
        #expect(try await Self.logRows(log, since: "1 hour").recent > 0, "the recent rows stay")
    }

    /// How many rows of `log` are older and newer than `since` (an interval).
    static func logRows(_ log: String, since: String) async throws -> (old: Int, recent: Int) {
        try await PostgresTestDatabase.withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT count(*) FILTER (WHERE committed_at < now() - \(since)::interval),
                count(*) FILTER (WHERE committed_at >= now() - \(since)::interval) FROM \(unescaped: log)
                """, logger: Logger(label: "tern.test.postgres")
            ).collect()
            return try rows[0].decode((Int, Int).self)
        }
    }

    /// A store let go closes its pool and its LISTEN connection: a server that swaps stores,
    /// or a test suite that opens hundreds, does not run the database out of connections.
    @Test func aStoreLetGoClosesItsConnections() async throws {
        let (pool, listener) = try await {
            let store = try await PostgresTestDatabase.openStore()
            let user = try await store.createUser(
                NewUser(login: "anna", emailAddresses: [], displayName: "Anna", passwordHash: "x"))
            _ = store.changes(for: user.id)
            let names = (store.applicationName, store.feed.listenerName)
            let opened = try await eventually { try await Self.connections(named: names.1).count == 1 }
            #expect(opened, "the first subscriber starts the LISTEN connection")
            #expect(try await Self.connections(named: names.0).count >= 1)
            return names
        }()
        let closed = try await eventually {
            let pools = try await Self.connections(named: pool)
            let listeners = try await Self.connections(named: listener)
            return pools.isEmpty && listeners.isEmpty
        }
        #expect(closed)
    }

    /// The first `count` changes of `stream`, or fewer if they do not come within `timeout`.
    static func first(_ count: Int, of stream: AsyncStream<StoreChange>, timeout: Duration = .seconds(10)) async
        -> [StoreChange]
    {
        await withTaskGroup(of: [StoreChange]?.self) { group in
            group.addTask {
                var changes: [StoreChange] = []
                for await change in stream {
                    changes.append(change)
                    if changes.count == count { break }
                }
                return changes
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? []
        }
    }

    /// The server processes of the LISTEN connections named `name`.
    static func listenerPIDs(_ name: String) async throws -> Set<Int32> {
        try await connections(named: name)
    }

    /// The server processes of the connections whose `application_name` is `name`.
    static func connections(named name: String) async throws -> Set<Int32> {
        try await PostgresTestDatabase.withConnection { connection in
            var pids: Set<Int32> = []
            for try await pid in try await connection.query(
                "SELECT pid FROM pg_stat_activity WHERE application_name = \(name)",
                logger: Logger(label: "tern.test.postgres")
            ).decode(Int32.self) {
                pids.insert(pid)
            }
            return pids
        }
    }
}
