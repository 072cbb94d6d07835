import Foundation
import GRDB
import PostgresNIO
import TernStore

/// A column copied from SQLite to PostgreSQL: its name, and its PostgreSQL type, which
/// decides how SQLite's value (whose type SQLite does not enforce) is read and bound.
struct CopiedColumn: Sendable {
    enum Kind: Sendable {
        case integer, real, text, bytes
    }

    let name: String
    /// PostgreSQL's name of the type (`information_schema.columns.data_type`), the cast each
    /// bound value gets.
    let postgresType: String
    let kind: Kind

    /// Nil for a type the copy cannot bind, which no copied column of the schema has.
    init?(name: String, postgresType: String) {
        switch postgresType {
        case "bigint", "integer": kind = .integer
        case "double precision": kind = .real
        case "text": kind = .text
        case "bytea": kind = .bytes
        default: return nil
        }
        self.name = name
        self.postgresType = postgresType
    }

    /// The column's name as an SQL identifier.
    var quotedName: String { TableMapping.quoted(name) }

    /// SQLite's value as this column's kind; nil when it holds a value of another kind.
    func value(_ stored: DatabaseValue) -> Value? {
        if stored.isNull { return .null }
        switch kind {
        case .integer: return Int64.fromDatabaseValue(stored).map(Value.integer)
        case .real: return Double.fromDatabaseValue(stored).map(Value.real)
        case .text: return String.fromDatabaseValue(stored).map(Value.text)
        case .bytes: return Data.fromDatabaseValue(stored).map(Value.bytes)
        }
    }

    /// One value read from SQLite, ready to bind.
    enum Value: Sendable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        case bytes(Data)

        /// About how many bytes the value takes, to bound how much one insert carries.
        var size: Int {
            switch self {
            case .null: 0
            case .integer, .real: 8
            case .text(let text): text.utf8.count
            case .bytes(let bytes): bytes.count
            }
        }

        func bind(to bindings: inout PostgresBindings) throws {
            switch self {
            case .null: bindings.appendNull()
            case .integer(let value): bindings.append(value)
            case .real(let value): bindings.append(value)
            case .text(let value): bindings.append(value)
            case .bytes(let value): try bindings.append(value)
            }
        }
    }
}
