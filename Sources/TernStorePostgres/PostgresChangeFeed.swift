import Logging
import PostgresNIO
import Synchronization
import TernStore

/// Announces committed writes to this node's subscribers, whichever node wrote them.
///
/// Every logged transaction appends to `commit_log` under a number of its user's stream
/// (`LoggedCommit`) and sends a `NOTIFY` with that number, on the channel of each node that
/// listens for the user (`WakeRoutes`), or on its schema's, which every node hears, when none
/// does; PostgreSQL delivers a NOTIFY only once its transaction has committed. The feed keeps,
/// per stream, the last number it has read (its cursor), and holds one connection of its own
/// that LISTENs on both channels. A notification, or this node's own commit, names a stream
/// and a number past its cursor.
/// When it is the stream's next number and says what changed (`LoggedCommit.Detail`), as
/// nearly every one does, it is announced at once; otherwise one reader task reads that
/// stream's log rows past the cursor, an index range, and hands the changes to the stream's
/// subscribers in order. Streams nobody here listens to only move their cursor.
///
/// Whenever the LISTEN connection is (re)established, the reader sweeps in full: it compares
/// the number in the database of every stream a subscriber here hears (`users.log_seq`, the
/// default policy's version) with its cursor and reads what it missed, so a wake sent while
/// the connection was down is delivered late, never lost. Streams nobody here hears are
/// neither swept nor read. The safety poll (`follow(clock:)`), which guards a connection
/// that stays up, sweeps only the log rows written since the poll before the last one
/// (`LogMarks`), so that a node holding many idle Pings reads nothing while nothing is
/// written. Log rows older than `retention` are pruned by the poll.
///
/// The LISTEN connection and the reader start with the first subscription, as SQLite's
/// feed watches its bell only then: a store that nobody listens to (`tern deliver`) opens
/// no connection for it.
final class PostgresChangeFeed: Sendable {
    private struct State {
        /// Per stream, the number of the last commit read (or passed over: nobody listened).
        var cursors: [User.ID: Int64]
        /// Commits heard of and not read yet: the highest number per stream.
        var pending: [User.ID: Int64] = [:]
        /// Whether the reader must compare streams with the database, and which.
        var sweepDue: Sweep?
        var marks: LogMarks
        var running: Task<Void, Never>?
        var stopped = false
    }

    /// What a sweep compares: every stream heard here, or those the recent log rows name.
    enum Sweep: Comparable {
        case recent
        case full
    }

    /// Where the poll's sweeps read the log from. A sweep reads the rows past `older`, the
    /// end of the log at the sweep before the last, so every row is read by two polls: a
    /// transaction takes its row's id a statement before it commits, and one that committed
    /// after a sweep read past its id is still read by the next.
    struct LogMarks {
        var older: Int64
        var newer: Int64

        init(at end: Int64) {
            older = end
            newer = end
        }

        /// After a sweep that found the log ending at `end` (nil: no rows past `older`).
        mutating func swept(through end: Int64?) {
            older = newer
            newer = max(newer, end ?? newer)
        }
    }

    private let state: Mutex<State>
    private let subscribers = ChangeSubscribers()
    private let client: PostgresClient
    private let listenConfiguration: PostgresConnection.Configuration
    /// The NOTIFY channel of the store's schema (`LoggedCommit.channelExpression`), and this
    /// node's own (`WakeRoutes`).
    private let channels: [String]
    /// The users whose commits name this node.
    let routes: WakeRoutes
    private let probe: Probe
    /// Pokes the reader; at most one poke waits, since one read serves them all.
    private let pokes: AsyncStream<Void>
    private let poke: AsyncStream<Void>.Continuation
    /// How long log rows are kept for a node whose LISTEN connection was down.
    static let retention: Duration = .seconds(600)
    /// The safety poll's interval. NOTIFY carries the wakes, and a LISTEN connection that
    /// drops or stops answering is replaced and followed by a full sweep, so the poll only
    /// guards against what nobody foresaw.
    static let pollInterval: Duration = .seconds(5)
    /// How often the safety poll also prunes the log.
    static let pruneInterval: Duration = .seconds(60)

    /// The end of the log at the last sweep: the id of its last row then.
    var sweptThrough: Int64 { state.withLock { $0.marks.newer } }

    /// `application_name` of the LISTEN connection, which tells it apart in `pg_stat_activity`.
    var listenerName: String {
        listenConfiguration.options.additionalStartupParameters.first { $0.0 == "application_name" }?.1 ?? ""
    }

    /// Opens the feed with every stream's cursor at its current number: subscribers hear of
    /// commits from now on.
    init(
        client: PostgresClient, opening session: PostgresSession,
        listenConfiguration: PostgresConnection.Configuration, probe: Probe, nodeID: String
    ) async throws {
        self.client = client
        self.listenConfiguration = listenConfiguration
        self.probe = probe
        guard
            let channel = try await session.value(String.self, "SELECT \(unescaped: LoggedCommit.channelExpression)")
        else { throw StoreError(.database, "the store's schema is not on the search path") }
        channels = [channel, LoggedCommit.nodeChannel(nodeID, of: channel)]
        routes = WakeRoutes(nodeID: nodeID)
        state = Mutex(
            State(cursors: try await Self.streamNumbers(session), marks: LogMarks(at: try await Self.logEnd(session))))
        (pokes, poke) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func stop() {
        let running = state.withLock { state in
            state.stopped = true
            defer { state.running = nil }
            return state.running
        }
        running?.cancel()
        poke.finish()
        subscribers.finish()
    }

    // MARK: Subscribers

    func subscribe(userID: User.ID) -> AsyncStream<StoreChange> {
        defer { start() }
        return subscribers.subscribe(userID: userID)
    }

    /// Every user's changes that `interest` wants, buffered without a bound: its one
    /// consumer must not miss any.
    func subscribeToAll(interest: ChangeInterest) -> AsyncStream<StoreChange> {
        defer { start() }
        return subscribers.subscribeToAll(interest: interest)
    }

    // MARK: What wakes the reader

    /// A commit of this node, or one a notification named. The next commit of a stream that
    /// says what it changed, when nothing of the stream waits to be read, is announced at once;
    /// any other is left to the reader, which reads the log.
    func committed(_ commit: LoggedCommit) {
        let heard = state.withLock { state in
            let cursor = state.cursors[commit.userID] ?? 0
            guard commit.logSeq > cursor else { return false }
            guard subscribers.hears(commit.userID) else {
                state.cursors[commit.userID] = commit.logSeq
                return false
            }
            if let change = commit.change, commit.logSeq == cursor + 1, state.pending[commit.userID] == nil {
                state.cursors[commit.userID] = commit.logSeq
                subscribers.announce([change])  // under the lock, so a stream's changes keep their order
                return false
            }
            state.pending[commit.userID] = max(state.pending[commit.userID] ?? 0, commit.logSeq)
            return true
        }
        if heard { poke.yield() }
    }

    /// Asks the reader to compare streams with the database.
    private func sweep(_ kind: Sweep) {
        state.withLock { $0.sweepDue = max($0.sweepDue ?? kind, kind) }
        poke.yield()
    }

    /// Sweeps every `pollInterval` until cancelled, in case a notification went astray, and
    /// prunes the log now and then.
    func follow(clock: some Clock<Duration>) async {
        var sincePrune = Duration.zero
        while !Task.isCancelled {
            do { try await clock.sleep(for: Self.pollInterval) } catch { return }
            sweep(.recent)
            sincePrune += Self.pollInterval
            if sincePrune >= Self.pruneInterval {
                sincePrune = .zero
                await prune()
            }
        }
    }

    /// Deletes log rows older than `retention`, and nodes not seen for a day; a failure only
    /// leaves them for the next time.
    private func prune() async {
        let seconds = Double(Self.retention.components.seconds)
        _ = try? await client.withConnection { connection in
            let session = PostgresSession(connection)
            try await session.run(
                "DELETE FROM commit_log WHERE committed_at < now() - make_interval(secs => \(seconds))")
            try await session.run("DELETE FROM nodes WHERE seen_at < now() - interval '1 day'")
        }
    }

    // MARK: The reader and the LISTEN connection

    /// Starts the reader and the LISTEN connection, once.
    private func start() {
        state.withLock { state in
            guard state.running == nil, !state.stopped else { return }
            state.running = Task { [self] in
                await withDiscardingTaskGroup { group in
                    group.addTask { await self.read() }
                    group.addTask { await self.listen() }
                }
            }
        }
    }

    /// Keeps a connection LISTENing, reconnecting after a growing pause (at most two
    /// seconds) when it drops, and sweeping each time the LISTEN is in place. A connection
    /// that stops answering (a peer gone without a word, a half-open socket) hears nothing
    /// and says nothing, so it stamps the node as seen (`WakeRoutes.stamp(_:)`) every
    /// `probe.interval` and is closed when that is not done within `probe.timeout`.
    ///
    /// A notification is handled where it is read, on the connection's event loop: a hop to
    /// another thread for each cost a node as much as the rest of its work on a commit.
    private func listen() async {
        var pause = Duration.milliseconds(50)
        while !Task.isCancelled {
            if let connection = try? await PostgresConnection.connect(
                configuration: listenConfiguration, id: 0, logger: PostgresStore.logger)
            {
                let listeners = channels.map { channel in
                    connection.addListener(channel: channel) { [self] _, notification in
                        if let commit = LoggedCommit(payload: notification.payload) {
                            committed(commit)
                        } else {
                            sweep(.full)
                        }
                    }
                }
                // The LISTENs are sent ahead of any later query, so they are in place once one is answered.
                if (try? await routes.stamp(PostgresSession(connection))) != nil {
                    sweep(.full)
                    pause = .milliseconds(50)
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask { try? await self.probe(connection) }
                        group.addTask { try? await connection.closeFuture.get() }
                        // Whichever ends first, the connection is done with.
                        _ = await group.next()
                        group.cancelAll()
                        try? await connection.close()
                    }
                }
                for listener in listeners { listener.stop() }
                try? await connection.close()
            }
            do { try await Task.sleep(for: pause) } catch { return }
            pause = min(pause * 2, .seconds(2))
        }
    }

    /// How often the LISTEN connection is asked whether it is alive, and how long it has to answer.
    struct Probe: Sendable {
        var interval: Duration
        var timeout: Duration

        static let standard = Probe(interval: .seconds(10), timeout: .seconds(5))
    }

    /// Stamps the node as seen on `connection` every `probe.interval` until that is not done
    /// in time, then closes it (which also ends a statement left waiting) and throws.
    private func probe(_ connection: PostgresConnection) async throws {
        let (probe, routes) = (self.probe, self.routes)
        while true {
            try await Task.sleep(for: probe.interval)
            let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await routes.stamp(PostgresSession(connection))
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: probe.timeout)
                    return false
                }
                let first = try await group.next() ?? false
                if !first { try? await connection.close() }
                group.cancelAll()
                return first
            }
            guard answered else { throw StoreError(.database, "the LISTEN connection stopped answering") }
        }
    }

    /// Reads what the pokes asked for until cancelled; a failed read is tried again.
    private func read() async {
        for await _ in pokes {
            while !Task.isCancelled {
                let (pending, sweepDue) = state.withLock { state in
                    defer {
                        state.pending = [:]
                        state.sweepDue = nil
                    }
                    return (state.pending, state.sweepDue)
                }
                guard sweepDue != nil || !pending.isEmpty else { break }
                do {
                    try await read(pending, sweeping: sweepDue)
                } catch {
                    state.withLock { state in
                        state.pending.merge(pending, uniquingKeysWith: max)
                        state.sweepDue = [state.sweepDue, sweepDue].compactMap { $0 }.max()
                    }
                    do { try await Task.sleep(for: .milliseconds(200)) } catch { return }
                }
            }
        }
    }

    /// Reads the log rows of the streams in `pending` (and, sweeping, of any stream the
    /// database is further along in) and hands their changes to the subscribers.
    private func read(_ pending: [User.ID: Int64], sweeping: Sweep?) async throws {
        try await client.withConnection { connection in
            let session = PostgresSession(connection)
            var targets = pending
            switch sweeping {
            case .full?:
                let end = try await Self.logEnd(session)
                targets.merge(
                    try await Self.streamNumbers(session, of: subscribers.heardUsers()), uniquingKeysWith: max)
                state.withLock { $0.marks = LogMarks(at: end) }
            case .recent?:
                let from = state.withLock { $0.marks.older }
                let (numbers, end) = try await Self.streamNumbers(session, loggedAfter: from)
                targets.merge(numbers, uniquingKeysWith: max)
                state.withLock { $0.marks.swept(through: end) }
            case nil:
                break
            }
            let reads: [(User.ID, Int64)] = state.withLock { state in
                var reads: [(User.ID, Int64)] = []
                for (userID, number) in targets where number > state.cursors[userID] ?? 0 {
                    if subscribers.hears(userID) {
                        reads.append((userID, state.cursors[userID] ?? 0))
                    } else {
                        state.cursors[userID] = number
                    }
                }
                return reads
            }
            guard !reads.isEmpty else { return }
            let changes = try await Self.changes(after: reads, in: session)
            state.withLock { state in
                var fresh: [StoreChange] = []
                for (stream, number, change) in changes where number > state.cursors[stream] ?? 0 {
                    state.cursors[stream] = number
                    fresh.append(change)
                }
                // A stream whose rows were pruned before they were read moves on all the same.
                for (userID, _) in reads {
                    if let number = targets[userID], number > state.cursors[userID] ?? 0 {
                        state.cursors[userID] = number
                    }
                }
                // Under the lock, as `committed(_:)` announces: a stream's changes keep their order.
                subscribers.announce(fresh)
            }
        }
    }

    /// The current number of every stream, or of the streams of `users` (and always the
    /// default policy's): each user's `log_seq`, and the default policy's version.
    private static func streamNumbers(_ session: PostgresSession, of users: Set<User.ID>? = nil) async throws
        -> [User.ID: Int64]
    {
        let rows = try await session.rows(
            """
            SELECT id, log_seq FROM users
            WHERE log_seq > 0 AND (\(users == nil) OR id = ANY(\(Array(users ?? []))::bigint[]))
            UNION ALL SELECT \(StoreChange.everyUser), version FROM policies WHERE scope = 0
            """)
        var numbers: [User.ID: Int64] = [:]
        for row in rows {
            let (userID, number) = try row.decode((Int64, Int64).self)
            numbers[userID] = number
        }
        return numbers
    }

    /// The highest number of each stream in the log rows past `from`, and the id of the last
    /// row (nil when there is none): an index range as long as what was written since.
    private static func streamNumbers(_ session: PostgresSession, loggedAfter from: Int64) async throws
        -> (numbers: [User.ID: Int64], end: Int64?)
    {
        let rows = try await session.rows(
            "SELECT user_id, max(log_seq), max(id) FROM commit_log WHERE id > \(from) GROUP BY user_id")
        var numbers: [User.ID: Int64] = [:]
        var end: Int64?
        for row in rows {
            let (userID, number, last) = try row.decode((Int64, Int64, Int64).self)
            numbers[userID] = number
            end = max(end ?? last, last)
        }
        return (numbers, end)
    }

    /// The id of the log's last row (0 for an empty log).
    private static func logEnd(_ session: PostgresSession) async throws -> Int64 {
        try await session.value(Int64.self, "SELECT COALESCE(max(id), 0)::bigint FROM commit_log") ?? 0
    }

    /// The changes of each stream after its cursor: one per logged transaction, in the order
    /// their first rows were written (a stream's own always in order, since each of its
    /// transactions began after the one before committed).
    private static func changes(after cursors: [(User.ID, Int64)], in session: PostgresSession) async throws
        -> [(stream: User.ID, number: Int64, change: StoreChange)]
    {
        let rows = try await session.rows(
            """
            SELECT log.user_id, log.log_seq, log.modseq, log.folder_id, log.device_id, log.hierarchy, log.policy
            FROM commit_log AS log
            JOIN unnest(\(cursors.map(\.0))::bigint[], \(cursors.map(\.1))::bigint[]) AS cursor(user_id, after)
            ON log.user_id = cursor.user_id AND log.log_seq > cursor.after
            ORDER BY log.id
            """)
        var gathered: [(number: Int64, gathering: ChangeLogGathering)] = []
        var positions: [LoggedCommit: Int] = [:]
        for row in rows {
            let (userID, number, modSeq, folderID, deviceID, hierarchy, policy) = try row.decode(
                (Int64, Int64, Int64, Int64?, Int64?, Bool, Bool).self)
            let commit = LoggedCommit(userID: userID, logSeq: number)
            let position: Int
            if let known = positions[commit] {
                position = known
            } else {
                position = gathered.count
                positions[commit] = position
                gathered.append((number, ChangeLogGathering(userID: userID, modSeq: ModSeq(rawValue: modSeq))))
            }
            gathered[position].gathering.add(
                folderID: folderID, deviceID: deviceID, hierarchy: hierarchy, policy: policy)
        }
        return gathered.map { ($0.gathering.userID, $0.number, $0.gathering.change) }
    }
}
