import GRDB

// Statements written with SQL interpolation, so that every value is a bound argument, and
// taken from the connection's statement cache: each is compiled (and run past GRDB's
// authorizer) once per connection, not once per call. Every statement here has a fixed
// shape, so the cache stays as small as the set of queries.

extension Row {
    static func fetchAll(_ db: Database, literal: SQL) throws -> [Row] {
        try SQLRequest<Row>(literal: literal, cached: true).fetchAll(db)
    }

    static func fetchOne(_ db: Database, literal: SQL) throws -> Row? {
        try SQLRequest<Row>(literal: literal, cached: true).fetchOne(db)
    }
}

extension DatabaseValueConvertible {
    static func fetchAll(_ db: Database, literal: SQL) throws -> [Self] {
        try SQLRequest<Self>(literal: literal, cached: true).fetchAll(db)
    }

    static func fetchOne(_ db: Database, literal: SQL) throws -> Self? {
        try SQLRequest<Self>(literal: literal, cached: true).fetchOne(db)
    }
}

extension Database {
    /// Runs one statement through the statement cache.
    func executeCached(literal: SQL) throws {
        let (sql, arguments) = try literal.build(self)
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
