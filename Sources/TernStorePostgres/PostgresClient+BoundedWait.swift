import PostgresNIO
import TernStore

extension PostgresClient {
    /// Runs `body` on a pooled connection, or throws a store error when none is lent within
    /// `wait`.
    ///
    /// The pool itself waits without end: while the database is unreachable it keeps trying
    /// to open a connection, and every request would hang with it until the device gave up.
    /// Bounded, the request fails instead, and the server answers 503, which a device retries
    /// later. Only the wait is bounded: a lent connection stays with `body` however long it runs.
    func withConnection<T: Sendable>(waitingAtMost wait: Duration, _ body: (PostgresConnection) async throws -> T)
        async throws -> T
    {
        let (lent, lend) = AsyncStream.makeStream(of: Result<PostgresConnection, any Error>.self)
        let (returned, giveBack) = AsyncStream.makeStream(of: Never.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            // The lease: held until `body` is done, then given back to the pool.
            group.addTask {
                do {
                    try await self.withConnection { connection in
                        lend.yield(.success(connection))
                        lend.finish()
                        for await _ in returned {}
                    }
                } catch {
                    lend.yield(.failure(error))
                }
                lend.finish()
            }
            group.addTask {
                try await Task.sleep(for: wait)
                lend.finish()
            }
            defer {
                giveBack.finish()
                group.cancelAll()
            }
            var lease = lent.makeAsyncIterator()
            switch await lease.next() {
            case .success(let connection)?: return try await body(connection)
            case .failure(let error)?: throw error
            case nil: throw StoreError(.database, "no database connection came within \(wait)")
            }
        }
    }
}
