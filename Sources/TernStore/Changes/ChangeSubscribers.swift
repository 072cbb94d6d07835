import Synchronization

/// The subscribers of a store's change feed, whatever the backend: per user, and to every
/// user. A backend's feed finds out what committed and hands it to `announce(_:)`.
package final class ChangeSubscribers: Sendable {
    private struct State {
        var subscribers: [User.ID: [Int: AsyncStream<StoreChange>.Continuation]] = [:]
        /// Subscribers to every user's changes, with the users each wants.
        var everyone: [Int: (continuation: AsyncStream<StoreChange>.Continuation, interest: ChangeInterest)] = [:]
        var nextSubscriberID = 0
        var finished = false
    }

    private let state = Mutex(State())

    package init() {}

    /// Changes of `userID` from now on, the newest 1024 kept for a slow reader (each wakes
    /// the same held request, so an old one dropped costs nothing).
    package func subscribe(userID: User.ID) -> AsyncStream<StoreChange> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: StoreChange.self, bufferingPolicy: .bufferingNewest(1024))
        let (id, finished) = state.withLock { state in
            let id = state.nextSubscriberID
            state.nextSubscriberID += 1
            if !state.finished { state.subscribers[userID, default: [:]][id] = continuation }
            return (id, state.finished)
        }
        if finished { continuation.finish() }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { state in
                state.subscribers[userID]?[id] = nil
                if state.subscribers[userID]?.isEmpty == true { state.subscribers[userID] = nil }
            }
        }
        return stream
    }

    /// Every user's changes (those `interest` wants must be read; others may be passed
    /// over), buffered without a bound: its one consumer must not miss any.
    package func subscribeToAll(interest: ChangeInterest = .everyone) -> AsyncStream<StoreChange> {
        let (stream, continuation) = AsyncStream.makeStream(of: StoreChange.self, bufferingPolicy: .unbounded)
        let (id, finished) = state.withLock { state in
            let id = state.nextSubscriberID
            state.nextSubscriberID += 1
            if !state.finished { state.everyone[id] = (continuation, interest) }
            return (id, state.finished)
        }
        if finished { continuation.finish() }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { state in state.everyone[id] = nil }
        }
        return stream
    }

    /// Whether nobody listens.
    package var isEmpty: Bool { state.withLock { $0.subscribers.isEmpty && $0.everyone.isEmpty } }

    /// Whether anybody hears the changes of `userID` (for `StoreChange.everyUser`: anybody at all).
    package func hears(_ userID: User.ID) -> Bool {
        let (heard, interests) = state.withLock { state in
            let heard =
                state.subscribers[userID] != nil
                || (userID == StoreChange.everyUser && !(state.subscribers.isEmpty && state.everyone.isEmpty))
            return (heard, state.everyone.values.map(\.interest))
        }
        // Interests are asked outside the lock: they take their owners' locks.
        return heard || interests.contains { $0.wants(userID) }
    }

    /// Every user somebody hears now; nil when somebody hears every user.
    package func heardUsers() -> Set<User.ID>? {
        let (users, interests) = state.withLock { state in
            (Set(state.subscribers.keys), state.everyone.values.map(\.interest))
        }
        var heard = users
        for interest in interests {
            guard let wanted = interest.users() else { return nil }
            heard.formUnion(wanted)
        }
        return heard
    }

    /// Hands `changes` to those who hear them, in order: a change to its user's subscribers
    /// (a default-policy change to every user's, addressed to each) and to every-user ones.
    package func announce(_ changes: [StoreChange]) {
        guard !changes.isEmpty else { return }
        let deliveries = state.withLock { state in
            changes.flatMap { change in
                Self.listeners(of: change, in: state.subscribers) + [
                    (change, state.everyone.values.map(\.continuation))
                ]
            }
        }
        // Continuations are resumed after unlocking.
        for (change, continuations) in deliveries {
            for continuation in continuations { continuation.yield(change) }
        }
    }

    /// Ends every subscription; later ones end at once.
    package func finish() {
        let continuations = state.withLock { state in
            state.finished = true
            defer {
                state.subscribers = [:]
                state.everyone = [:]
            }
            return state.subscribers.values.flatMap(\.values) + state.everyone.values.map(\.continuation)
        }
        for continuation in continuations { continuation.finish() }
    }

    private static func listeners(
        of change: StoreChange, in subscribers: [User.ID: [Int: AsyncStream<StoreChange>.Continuation]]
    ) -> [(StoreChange, [AsyncStream<StoreChange>.Continuation])] {
        guard change.userID == StoreChange.everyUser else {
            return [(change, Array((subscribers[change.userID] ?? [:]).values))]
        }
        return subscribers.map { userID, continuations in (change.addressed(to: userID), Array(continuations.values)) }
    }
}

/// A change being gathered from the change-log rows of one transaction.
package struct ChangeLogGathering {
    package let userID: User.ID
    package let modSeq: ModSeq
    private var folders: Set<Folder.ID> = []
    private var devices: Set<Device.ID> = []
    private var hierarchy = false
    private var policy = false

    package init(userID: User.ID, modSeq: ModSeq) {
        self.userID = userID
        self.modSeq = modSeq
    }

    /// Adds one log row.
    package mutating func add(folderID: Folder.ID?, deviceID: Device.ID?, hierarchy: Bool, policy: Bool) {
        if let folderID { folders.insert(folderID) }
        if let deviceID { devices.insert(deviceID) }
        self.hierarchy = self.hierarchy || hierarchy
        self.policy = self.policy || policy
    }

    package var change: StoreChange {
        StoreChange(
            userID: userID, modSeq: modSeq, folderIDs: folders, hierarchyChanged: hierarchy, deviceIDs: devices,
            policyChanged: policy)
    }
}
