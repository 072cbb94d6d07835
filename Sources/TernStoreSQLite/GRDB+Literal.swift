import GRDB

// Fetches written with SQL interpolation, so that every value is a bound argument.

extension Row {
    static func fetchAll(_ db: Database, literal: SQL) throws -> [Row] {
        try SQLRequest<Row>(literal: literal).fetchAll(db)
    }

    static func fetchOne(_ db: Database, literal: SQL) throws -> Row? {
        try SQLRequest<Row>(literal: literal).fetchOne(db)
    }
}

extension DatabaseValueConvertible {
    static func fetchAll(_ db: Database, literal: SQL) throws -> [Self] {
        try SQLRequest<Self>(literal: literal).fetchAll(db)
    }

    static func fetchOne(_ db: Database, literal: SQL) throws -> Self? {
        try SQLRequest<Self>(literal: literal).fetchOne(db)
    }
}
