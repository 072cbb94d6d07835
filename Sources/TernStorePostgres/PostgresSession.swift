package import PostgresNIO
import TernStore

/// A pooled connection lent to one transaction, with the few ways the store runs a statement.
/// Every value goes in as a bound parameter through `PostgresQuery`'s interpolation; only
/// fixed SQL of the store's own (column lists, `unescaped:`) is ever spliced into the text.
package struct PostgresSession {
    package let connection: PostgresConnection

    package init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// All rows of `query`.
    package func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: PostgresStore.logger).collect()
    }

    /// All rows of `statement`, preparing it first on this connection if it is not yet.
    func rows<Statement: PostgresPreparedStatement>(_ statement: Statement) async throws -> [Statement.Row] {
        var rows: [Statement.Row] = []
        for try await row in try await connection.execute(statement, logger: PostgresStore.logger) { rows.append(row) }
        return rows
    }

    /// Runs `query`, discarding any rows; returns how many rows it returned (a statement
    /// with `RETURNING` counts what it changed).
    @discardableResult
    package func run(_ query: PostgresQuery) async throws -> Int {
        try await rows(query).count
    }

    /// The first column of the first row, nil when there is no row.
    package func value<Value: PostgresDecodable>(_ type: Value.Type, _ query: PostgresQuery) async throws -> Value? {
        try await rows(query).first?.decode(Value.self)
    }

    /// Runs `body` between `begin` and COMMIT, or ROLLBACK when it throws.
    nonisolated(nonsending) package func transaction<T>(
        begin: PostgresQuery, _ body: (PostgresSession) async throws -> T
    )
        async throws -> T
    {
        try await run(begin)
        do {
            let value = try await body(self)
            try await run("COMMIT")
            return value
        } catch {
            // A connection that cannot even roll back is closed, and the pool drops it.
            _ = try? await run("ROLLBACK")
            throw error
        }
    }

    /// The store's error for a statement PostgreSQL refused because of what it was given
    /// (SQLSTATE, PostgreSQL's appendix A); nil for the rest, which are database errors.
    static func storeErrorCode(sqlState: String?) -> StoreError.Code? {
        guard let sqlState else { return nil }
        switch sqlState {
        case "23505": return .alreadyExists  // unique_violation: a login, address or key taken
        case "23503": return .notFound  // foreign_key_violation: the user or device is gone
        case "23502", "23514": return .invalid  // not_null_violation, check_violation
        default:
            // Class 22, data exception: text PostgreSQL cannot hold (a NUL character), a
            // number out of range.
            return sqlState.hasPrefix("22") ? .invalid : nil
        }
    }

    /// Whether `error` ended a transaction that may simply be run again: PostgreSQL broke a
    /// deadlock by aborting it, or could not serialise it.
    static func isTransient(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }
}
