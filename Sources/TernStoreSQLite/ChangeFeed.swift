import GRDB
import Synchronization
import TernStore

/// Announces committed writes to in-process subscribers, whichever process wrote them.
///
/// Every write transaction appends rows to `commit_log`. The feed keeps its own connection
/// and asks SQLite's `PRAGMA data_version`, which changes when any other connection (in
/// this process or another) commits; only then does it read the new log rows, an index
/// range on the primary key. Local writes poll at once after commit. A process with no
/// subscribers rings a `CommitBell` after its commits, and a feed with subscribers (the
/// server) watches the bell (`FileWriteWatcher`, inotify on Linux), so another process's
/// commits are heard at once; without the watch they are seen within one poll interval, and
/// with it a poll once a second stays as a safety net, run by whoever owns the store
/// (`Store.followChanges`, a service of the server). Nothing rescans items or folders.
final class ChangeFeed: Sendable {
    private struct State {
        var lastSeq: Int64 = 0
        var lastDataVersion: Int64 = -1
        var lastPrunedSeq: Int64 = 0
    }

    private let queue: DatabaseQueue
    private let state: Mutex<State>
    private let subscribers = ChangeSubscribers()
    private let watcher: Mutex<FileWriteWatcher?> = Mutex(nil)
    private let bell: CommitBell
    private let pollInterval: Duration
    /// Keeps the log short: rows older than this many commits are pruned, every
    /// `pruneInterval` rows. Subscribers only ever need the newest rows.
    private static let retainedRows: Int64 = 10_000
    private static let pruneInterval: Int64 = 1_000

    init(path: String, pollInterval: Duration) throws {
        var configuration = Configuration()
        configuration.readonly = false
        configuration.busyMode = .timeout(10)
        queue = try DatabaseQueue(path: path, configuration: configuration)
        let lastSeq = try queue.read { db in
            try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM commit_log") ?? 0
        }
        state = Mutex(State(lastSeq: lastSeq))
        bell = CommitBell(databasePath: path)
        self.pollInterval = pollInterval
    }

    /// Polls for commits of other processes until cancelled: every `pollInterval`, or once a
    /// second while the bell is watched, when polling is only a safety net.
    func follow(clock: some Clock<Duration>) async {
        while !Task.isCancelled {
            let watched = watcher.withLock { $0 != nil }
            do {
                try await clock.sleep(for: watched ? max(pollInterval, .seconds(1)) : pollInterval)
            } catch {
                return
            }
            poll()
        }
    }

    func stop() {
        watcher.withLock { $0?.stop() }
        subscribers.finish()
    }

    /// After a commit of this process: announces it to the subscribers here, and rings the
    /// bell for a server in another process when there are none.
    func committed() {
        poll()
        if subscribers.isEmpty { bell.ring() }
    }

    /// The first subscriber starts the watch of the bell.
    private func watchBell() {
        watcher.withLock { watcher in
            guard watcher == nil else { return }
            bell.create()
            watcher = FileWriteWatcher(path: bell.path) { [weak self] in self?.poll() }
        }
    }

    func subscribe(userID: User.ID) -> AsyncStream<StoreChange> {
        watchBell()
        return subscribers.subscribe(userID: userID)
    }

    /// Every user's changes, buffered without a bound: its one consumer must not miss any.
    func subscribeToAll() -> AsyncStream<StoreChange> {
        watchBell()
        return subscribers.subscribeToAll()
    }

    /// Reads and announces log rows committed since the last poll. Serialised by the queue.
    func poll() {
        try? queue.inDatabase { db in
            let dataVersion = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
            let (lastSeq, unchanged) = state.withLock { ($0.lastSeq, $0.lastDataVersion == dataVersion) }
            guard !unchanged else { return }
            let rows = try Row.fetchAll(
                db,
                literal:
                    "SELECT seq, user_id, modseq, folder_id, hierarchy, device_id, policy FROM commit_log WHERE seq > \(lastSeq) ORDER BY seq"
            )
            let changes = Self.group(rows)
            let newLast: Int64 = rows.last?["seq"] ?? lastSeq
            let prune = state.withLock { state in
                state.lastSeq = newLast
                state.lastDataVersion = dataVersion
                let prune = newLast - state.lastPrunedSeq >= Self.pruneInterval + Self.retainedRows
                if prune { state.lastPrunedSeq = newLast - Self.retainedRows }
                return prune
            }
            subscribers.announce(changes)
            if prune {
                try db.executeCached(literal: "DELETE FROM commit_log WHERE seq <= \(newLast - Self.retainedRows)")
            }
        }
    }

    /// One change per (user, commit): rows of one transaction share user and modseq.
    private static func group(_ rows: [Row]) -> [StoreChange] {
        var result: [StoreChange] = []
        var current: ChangeLogGathering?
        for row in rows {
            let userID: User.ID = row["user_id"]
            let modSeq = ModSeq(rawValue: row["modseq"])
            if let open = current, open.userID != userID || open.modSeq != modSeq {
                result.append(open.change)
                current = nil
            }
            var entry = current ?? ChangeLogGathering(userID: userID, modSeq: modSeq)
            entry.add(
                folderID: row["folder_id"], deviceID: row["device_id"], hierarchy: row["hierarchy"],
                policy: row["policy"])
            current = entry
        }
        if let open = current { result.append(open.change) }
        return result
    }
}
