import PostgresNIO
import Synchronization
import TernStore

extension PostgresClient {
    /// Runs `body` on a pooled connection, or throws a store error when none is lent within
    /// `wait`.
    ///
    /// While the database is unreachable the pool keeps trying to open a connection, and its
    /// waiters wait until its circuit breaker gives up on them a minute later; a device's
    /// request would hang as long, past what clients wait. Bounded, the request fails sooner,
    /// and the server answers 503, which a device retries later. Only the wait is bounded: a
    /// lent connection stays with `body` however long it runs. The lease is taken by a child
    /// task, which can be cancelled, and the bound is a timer on an event loop, which costs a
    /// transaction far less than a sleeping task.
    func withConnection<T: Sendable>(waitingAtMost wait: Duration, _ body: (PostgresConnection) async throws -> T)
        async throws -> T
    {
        let handoff = LeaseHandoff()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await self.withConnection { connection in
                        guard handoff.settle(.success(connection)) else { return }
                        await handoff.waitUntilGivenBack()
                    }
                } catch {
                    handoff.settle(.failure(error))
                }
            }
            let (seconds, attoseconds) = wait.components
            let timer = Self.defaultEventLoopGroup.next().scheduleTask(
                in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
            ) {
                handoff.settle(.failure(StoreError(.database, "no database connection came within \(wait)")))
            }
            defer {
                timer.cancel()
                handoff.giveBack()
                group.cancelAll()
            }
            return try await body(try await handoff.connection())
        }
    }
}

/// Hands a leased connection from the task holding the lease to the transaction waiting for
/// it (or the waiter a failure: the lease's, or the bound's, whichever settles it first), and
/// tells the lease's task when the transaction is done with it.
private final class LeaseHandoff: Sendable {
    private enum Lease {
        /// Not settled; the waiter, once it waits.
        case pending(CheckedContinuation<PostgresConnection, any Error>?)
        /// Settled before the waiter waited.
        case settled(Result<PostgresConnection, any Error>)
        /// Handed to the waiter.
        case handed
    }

    private struct State {
        var lease = Lease.pending(nil)
        var givenBack = false
        var leaseHolder: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// The connection, or the failure that settled the lease.
    func connection() async throws -> PostgresConnection {
        try await withCheckedThrowingContinuation { waiter in
            let settled: Result<PostgresConnection, any Error>? = state.withLock { state in
                guard case .settled(let result) = state.lease else {
                    state.lease = .pending(waiter)
                    return nil
                }
                state.lease = .handed
                return result
            }
            if let settled { waiter.resume(with: settled) }
        }
    }

    /// Settles the lease with `result` unless something settled it first; returns whether
    /// this did.
    @discardableResult
    func settle(_ result: Result<PostgresConnection, any Error>) -> Bool {
        let (settled, waiter) = state.withLock { state -> (Bool, CheckedContinuation<PostgresConnection, any Error>?) in
            guard case .pending(let waiter) = state.lease else { return (false, nil) }
            state.lease = waiter == nil ? .settled(result) : .handed
            return (true, waiter)
        }
        waiter?.resume(with: result)
        return settled
    }

    /// Says the transaction is done with the connection.
    func giveBack() {
        let holder = state.withLock { state in
            state.givenBack = true
            defer { state.leaseHolder = nil }
            return state.leaseHolder
        }
        holder?.resume()
    }

    /// Returns once the transaction is done with the connection.
    func waitUntilGivenBack() async {
        await withCheckedContinuation { holder in
            let done = state.withLock { state in
                if !state.givenBack { state.leaseHolder = holder }
                return state.givenBack
            }
            if done { holder.resume() }
        }
    }
}
