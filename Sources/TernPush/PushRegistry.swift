import TernStore

/// The push hub's registry of held requests (DESIGN.md, push; STYLE.md, 7): a pure state
/// machine, generic over what resumes a waiter, so that the hub keeps it in a `Mutex` and
/// tests drive it with plain values and a manual clock.
///
/// A waiter is keyed by device: a newer request of the same device ends the older one. It
/// is first *armed* (registered, so no change can slip by, while the handler still checks
/// the store), then *waiting* with its continuation. Every method returns the continuations
/// to resume, which the caller resumes after unlocking; each continuation is returned
/// exactly once, because it leaves the registry in the same step.
///
/// Deadlines sit in one-second buckets (a timer wheel): expiry touches only the buckets
/// that are due, and a removed waiter's bucket entry is skipped by its serial number.
public struct PushRegistry<Continuation> {
    /// Names one registration, so that a late timeout or cancel cannot end a newer one.
    public struct Ticket: Hashable, Sendable {
        let userID: User.ID
        let deviceID: Device.ID
        let serial: UInt64
    }

    /// A continuation to resume, and with what.
    struct Resumption {
        let continuation: Continuation
        let wake: PushWake
    }

    private enum Phase {
        case armed(PushWake?)
        case waiting(Continuation)
    }

    private struct Waiter {
        let serial: UInt64
        let userID: User.ID
        let folderIDs: Set<Folder.ID>
        var phase: Phase
    }

    let maxPerUser: Int
    let maxTotal: Int
    private var waiters: [Device.ID: Waiter] = [:]
    private var devicesByUser: [User.ID: Set<Device.ID>] = [:]
    private var buckets: [Int64: [Ticket]] = [:]
    /// The earliest bucket not yet expired.
    private var nextBucket: Int64 = 0
    private var nextSerial: UInt64 = 1
    private(set) var isShutDown = false

    init(maxPerUser: Int, maxTotal: Int) {
        self.maxPerUser = maxPerUser
        self.maxTotal = maxTotal
    }

    /// How many requests are held.
    var count: Int { waiters.count }

    /// Whether a request of `userID` is held.
    func holds(_ userID: User.ID) -> Bool { devicesByUser[userID] != nil }

    /// The users with a request held.
    var heldUserIDs: Set<User.ID> { Set(devicesByUser.keys) }

    /// Registers a device's interest until `deadline` (time since the hub's epoch), ending
    /// the device's previous registration if any.
    mutating func arm(
        userID: User.ID, deviceID: Device.ID, folderIDs: Set<Folder.ID>, deadline: Duration
    ) -> (Result<Ticket, PushRefusal>, superseded: Resumption?) {
        guard !isShutDown else { return (.failure(.shuttingDown), nil) }
        let replacing = waiters[deviceID]
        let held = devicesByUser[userID]?.count ?? 0
        if replacing == nil, held >= maxPerUser || waiters.count >= maxTotal { return (.failure(.overCapacity), nil) }
        var superseded: Resumption?
        if let replacing {
            remove(deviceID, userID: replacing.userID)
            if case .waiting(let continuation) = replacing.phase {
                superseded = Resumption(continuation: continuation, wake: .superseded)
            }
        }
        let ticket = Ticket(userID: userID, deviceID: deviceID, serial: nextSerial)
        nextSerial += 1
        waiters[deviceID] = Waiter(serial: ticket.serial, userID: userID, folderIDs: folderIDs, phase: .armed(nil))
        devicesByUser[userID, default: []].insert(deviceID)
        buckets[max(Self.bucket(deadline), nextBucket), default: []].append(ticket)
        return (.success(ticket), superseded)
    }

    /// Hands over the continuation of an armed waiter. Returns it at once, with the wake,
    /// when the waiter was already woken, ended or replaced.
    mutating func wait(_ ticket: Ticket, continuation: Continuation) -> Resumption? {
        let waiter = waiters[ticket.deviceID]
        guard let waiter, waiter.serial == ticket.serial else {
            let newer = waiter.map { $0.serial > ticket.serial } ?? false
            return Resumption(continuation: continuation, wake: newer ? .superseded : .cancelled)
        }
        guard case .armed(let wake) = waiter.phase else { preconditionFailure("waited twice on one push ticket") }
        if let wake {
            remove(ticket.deviceID, userID: waiter.userID)
            return Resumption(continuation: continuation, wake: wake)
        }
        waiters[ticket.deviceID]?.phase = .waiting(continuation)
        return nil
    }

    /// Ends a registration early: the handler answered without waiting, or its connection closed.
    mutating func release(_ ticket: Ticket) -> Resumption? {
        guard let waiter = waiters[ticket.deviceID], waiter.serial == ticket.serial else { return nil }
        remove(ticket.deviceID, userID: waiter.userID)
        guard case .waiting(let continuation) = waiter.phase else { return nil }
        return Resumption(continuation: continuation, wake: .cancelled)
    }

    /// Wakes the waiters a committed change concerns: a hierarchy change all of the user's,
    /// a policy change all of the user's, a device change that device's, an item change
    /// those watching one of its folders.
    mutating func apply(_ change: StoreChange) -> [Resumption] {
        if change.userID == StoreChange.everyUser {
            return Array(devicesByUser.keys).flatMap { userID in apply(change.addressed(to: userID)) }
        }
        guard let devices = devicesByUser[change.userID] else { return [] }
        var woken: [Resumption] = []
        for deviceID in devices {
            guard let waiter = waiters[deviceID] else { continue }
            let wake: PushWake
            if change.policyChanged || change.deviceIDs.contains(deviceID) {
                wake = .deviceChanged
            } else if change.hierarchyChanged {
                wake = .hierarchyChanged
            } else {
                let folders = waiter.folderIDs.intersection(change.folderIDs)
                guard !folders.isEmpty else { continue }
                wake = .changed(folders)
            }
            if let resumption = self.wake(deviceID, waiter, with: wake) { woken.append(resumption) }
        }
        return woken
    }

    /// Ends the waiters whose deadline is at or before `now`.
    mutating func expire(now: Duration) -> [Resumption] {
        // Bucket k holds deadlines in (k - 1, k]: all of them have passed once now >= k.
        let due = now.components.seconds
        var woken: [Resumption] = []
        while nextBucket <= due {
            for ticket in buckets.removeValue(forKey: nextBucket) ?? [] {
                guard let waiter = waiters[ticket.deviceID], waiter.serial == ticket.serial else { continue }
                if let resumption = wake(ticket.deviceID, waiter, with: .expired) { woken.append(resumption) }
            }
            nextBucket += 1
        }
        return woken
    }

    /// Ends every waiter and refuses new ones: the server answers all it holds before it stops.
    mutating func shutDown() -> [Resumption] {
        isShutDown = true
        var woken: [Resumption] = []
        for (deviceID, waiter) in waiters {
            if let resumption = wake(deviceID, waiter, with: .shutDown) { woken.append(resumption) }
        }
        buckets = [:]
        return woken
    }

    /// A waiting waiter leaves with its continuation; an armed one keeps the first wake for `wait`.
    private mutating func wake(_ deviceID: Device.ID, _ waiter: Waiter, with wake: PushWake) -> Resumption? {
        switch waiter.phase {
        case .waiting(let continuation):
            remove(deviceID, userID: waiter.userID)
            return Resumption(continuation: continuation, wake: wake)
        case .armed(nil):
            waiters[deviceID]?.phase = .armed(wake)
            return nil
        case .armed:
            return nil
        }
    }

    private mutating func remove(_ deviceID: Device.ID, userID: User.ID) {
        waiters[deviceID] = nil
        devicesByUser[userID]?.remove(deviceID)
        if devicesByUser[userID]?.isEmpty == true { devicesByUser[userID] = nil }
    }

    /// The bucket of a deadline: its whole second, rounded up so nothing expires early.
    private static func bucket(_ time: Duration) -> Int64 {
        let (seconds, attoseconds) = time.components
        return attoseconds > 0 ? seconds + 1 : seconds
    }
}
