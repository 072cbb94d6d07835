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
        var subscribers: [User.ID: [Int: AsyncStream<StoreChange>.Continuation]] = [:]
        /// Subscribers to every user's changes.
        var everyone: [Int: AsyncStream<StoreChange>.Continuation] = [:]
        var nextSubscriberID = 0
        var lastSeq: Int64 = 0
        var lastDataVersion: Int64 = -1
        var lastPrunedSeq: Int64 = 0
    }

    private let queue: DatabaseQueue
    private let state: Mutex<State>
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
        let subscribers = state.withLock { state in
            defer { state.subscribers = [:] }
            defer { state.everyone = [:] }
            return state.subscribers.values.flatMap(\.values) + state.everyone.values
        }
        for continuation in subscribers { continuation.finish() }
    }

    /// After a commit of this process: announces it to the subscribers here, and rings the
    /// bell for a server in another process when there are none.
    func committed() {
        poll()
        if state.withLock({ $0.subscribers.isEmpty && $0.everyone.isEmpty }) { bell.ring() }
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
        let (stream, continuation) = AsyncStream.makeStream(
            of: StoreChange.self, bufferingPolicy: .bufferingNewest(1024))
        let id = state.withLock { state in
            let id = state.nextSubscriberID
            state.nextSubscriberID += 1
            state.subscribers[userID, default: [:]][id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { state in
                state.subscribers[userID]?[id] = nil
                if state.subscribers[userID]?.isEmpty == true { state.subscribers[userID] = nil }
            }
        }
        return stream
    }

    /// Every user's changes, buffered without a bound: its one consumer must not miss any.
    func subscribeToAll() -> AsyncStream<StoreChange> {
        watchBell()
        let (stream, continuation) = AsyncStream.makeStream(of: StoreChange.self, bufferingPolicy: .unbounded)
        let id = state.withLock { state in
            let id = state.nextSubscriberID
            state.nextSubscriberID += 1
            state.everyone[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { state in state.everyone[id] = nil }
        }
        return stream
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
            let (listeners, prune) = state.withLock { state in
                state.lastSeq = newLast
                state.lastDataVersion = dataVersion
                let prune = newLast - state.lastPrunedSeq >= Self.pruneInterval + Self.retainedRows
                if prune { state.lastPrunedSeq = newLast - Self.retainedRows }
                let listeners = changes.flatMap { change in
                    Self.listeners(of: change, in: state.subscribers) + [(change, Array(state.everyone.values))]
                }
                return (listeners, prune)
            }
            for (change, continuations) in listeners {
                for continuation in continuations { continuation.yield(change) }
            }
            if prune {
                try db.executeCached(literal: "DELETE FROM commit_log WHERE seq <= \(newLast - Self.retainedRows)")
            }
        }
    }

    /// Who hears a change: the subscribers of its user, or everyone for a default-policy change.
    private static func listeners(
        of change: StoreChange, in subscribers: [User.ID: [Int: AsyncStream<StoreChange>.Continuation]]
    ) -> [(StoreChange, [AsyncStream<StoreChange>.Continuation])] {
        guard change.userID == StoreChange.everyUser else {
            return [(change, Array((subscribers[change.userID] ?? [:]).values))]
        }
        return subscribers.map { userID, continuations in (change.addressed(to: userID), Array(continuations.values)) }
    }

    /// One change per (user, commit): rows of one transaction share user and modseq.
    private static func group(_ rows: [Row]) -> [StoreChange] {
        var result: [StoreChange] = []
        var current: PendingChange?
        for row in rows {
            let userID: User.ID = row["user_id"]
            let modSeq: Int64 = row["modseq"]
            if let open = current, open.userID != userID || open.modSeq != modSeq {
                result.append(open.change)
                current = nil
            }
            var entry = current ?? PendingChange(userID: userID, modSeq: modSeq)
            if let folderID: Folder.ID = row["folder_id"] { entry.folders.insert(folderID) }
            if let deviceID: Device.ID = row["device_id"] { entry.devices.insert(deviceID) }
            if row["hierarchy"] as Bool { entry.hierarchy = true }
            if row["policy"] as Bool { entry.policy = true }
            current = entry
        }
        if let open = current { result.append(open.change) }
        return result
    }

    /// A change being gathered from consecutive log rows.
    private struct PendingChange {
        let userID: User.ID
        let modSeq: Int64
        var folders: Set<Folder.ID> = []
        var devices: Set<Device.ID> = []
        var hierarchy = false
        var policy = false

        var change: StoreChange {
            StoreChange(
                userID: userID, modSeq: ModSeq(rawValue: modSeq), folderIDs: folders, hierarchyChanged: hierarchy,
                deviceIDs: devices,
                policyChanged: policy)
        }
    }
}
