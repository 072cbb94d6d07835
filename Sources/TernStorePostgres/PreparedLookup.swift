import PostgresNIO

/// A read by one value (`$1`) that PostgreSQL plans once on each pooled connection and then
/// only runs: the reads every request and delivery makes (a user by login or address, a
/// user's folders) cost it several times more to parse and plan than to run.
protocol PreparedLookup: PostgresPreparedStatement where Row == PostgresRow {
    associatedtype Key: PostgresNonThrowingEncodable
    /// The value bound to `$1`.
    var key: Key { get }
}

extension PreparedLookup {
    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(key)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
