import Foundation
import GRDB
import PostgresNIO
import TernStore
import TernStorePostgres

/// One copy of a SQLite snapshot into PostgreSQL, inside the caller's transaction: checks
/// that the two schemas map (`TableMapping`) and that the target is empty, copies the tables
/// with their ids, moves PostgreSQL's id sequences past them, and fills what PostgreSQL
/// derives (event UIDs, the search index).
struct DatabaseCopy {
    let source: DatabaseSnapshot
    let target: PostgresSession
    /// The target, as messages name it (without its password).
    let targetName: String

    /// Copies everything; returns how many rows each copied table received.
    func run() async throws -> [String: Int] {
        let sourceTables = try await source.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        let copiedNames = Set(TableMapping.copied.map(\.name))
        if let unknown = sourceTables.first(where: { !copiedNames.contains($0) && !TableMapping.isLeftBehind($0) }) {
            throw StoreError(.invalid, "the SQLite store has a table \(unknown) that this version of tern cannot copy")
        }
        // Held to the commit: no node on the target writes while the copy checks it is empty.
        let names = TableMapping.copied.map { TableMapping.quoted($0.name) }.joined(separator: ", ")
        try await target.run("LOCK TABLE \(unescaped: names) IN EXCLUSIVE MODE")
        try await checkTargetIsEmpty()
        let targetColumns = try await postgresColumns()
        var counts: [String: Int] = [:]
        for table in TableMapping.copied {
            let columns = try await columns(of: table, postgres: targetColumns[table.name] ?? [:])
            counts[table.name] = try await copyRows(of: table.name, columns)
        }
        try await continueSequences(sourceTables: sourceTables)
        try await PostgresStore.fillEventUIDs(in: target)
        _ = try await PostgresStore.indexAllMail(in: target)
        return counts
    }

    // MARK: Checks

    private func checkTargetIsEmpty() async throws {
        let users = try await target.value(Int64.self, "SELECT count(*) FROM users") ?? 0
        guard users == 0 else {
            throw StoreError(
                .alreadyExists,
                "\(targetName) already holds \(users) user\(users == 1 ? "" : "s"); tern migrate copies into an empty database only"
            )
        }
        for table in TableMapping.copied {
            let occupied = try await target.value(
                Bool.self, "SELECT EXISTS (SELECT 1 FROM \(unescaped: TableMapping.quoted(table.name)))")
            guard occupied != true else {
                throw StoreError(
                    .alreadyExists,
                    "\(targetName) already holds rows in \(table.name); tern migrate copies into an empty database only"
                )
            }
        }
    }

    /// PostgreSQL's columns of the store's tables and their types, by table and column name.
    private func postgresColumns() async throws -> [String: [String: String]] {
        var tables: [String: [String: String]] = [:]
        for row in try await target.rows(
            """
            SELECT table_name, column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema()
            """)
        {
            let (table, column, type) = try row.decode((String, String, String).self)
            tables[table, default: [:]][column] = type
        }
        return tables
    }

    /// The columns `table` copies: all of SQLite's, each of which PostgreSQL must have;
    /// PostgreSQL's others must be ones it derives.
    private func columns(of table: TableMapping.Copied, postgres: [String: String]) async throws -> [CopiedColumn] {
        let names = try await source.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table.name])
        }
        guard !names.isEmpty else { throw StoreError(.invalid, "the SQLite store has no table \(table.name)") }
        if let missing = postgres.keys.sorted().first(where: { !names.contains($0) && !table.derived.contains($0) }) {
            throw StoreError(.invalid, "PostgreSQL's column \(table.name).\(missing) has no source in SQLite")
        }
        return try names.map { name in
            guard let type = postgres[name] else {
                throw StoreError(.invalid, "SQLite's column \(table.name).\(name) has no place in PostgreSQL")
            }
            guard let column = CopiedColumn(name: name, postgresType: type) else {
                throw StoreError(.invalid, "cannot copy into \(table.name).\(name), of type \(type)")
            }
            return column
        }
    }

    // MARK: Rows

    /// Copies the rows of `table` in rowid order, a bounded page at a time; returns how many.
    private func copyRows(of table: String, _ columns: [CopiedColumn]) async throws -> Int {
        // PostgreSQL takes at most 65,535 parameters in one statement.
        let pageRows = min(Self.pageRows, 65_535 / columns.count)
        let select =
            "SELECT rowid, \(columns.map(\.quotedName).joined(separator: ", ")) FROM \(TableMapping.quoted(table))"
            + " WHERE rowid > ? ORDER BY rowid LIMIT ?"
        var after = Int64.min
        var count = 0
        while true {
            let (rows, last) = try await source.read { [after] db in
                try Self.page(db, select, after: after, limit: pageRows, table: table, columns)
            }
            guard let last, !rows.isEmpty else { return count }
            do {
                try await insert(rows, into: table, columns)
            } catch {
                // PostgreSQL's message names a constraint; say which table's rows it refused.
                let refusal = PostgresStore.storeError(error)
                throw StoreError(refusal.code, "PostgreSQL refused a row of \(table): \(refusal.detail)")
            }
            count += rows.count
            after = last
        }
    }

    /// Rows after rowid `after`, up to `limit` of them or until they hold `pageBytes`, and
    /// the rowid of the last.
    private static func page(
        _ db: Database, _ select: String, after: Int64, limit: Int, table: String, _ columns: [CopiedColumn]
    ) throws -> (rows: [[CopiedColumn.Value]], last: Int64?) {
        let cursor = try Row.fetchCursor(db, sql: select, arguments: [after, limit])
        var rows: [[CopiedColumn.Value]] = []
        var bytes = 0
        var last: Int64?
        while bytes < pageBytes, let row = try cursor.next() {
            let rowID: Int64 = row[0]
            let values = try columns.enumerated().map { index, column in
                guard let value = column.value(row[index + 1]) else {
                    throw StoreError(
                        .invalid,
                        "\(table).\(column.name) of row \(rowID) holds a value that is not \(column.postgresType)")
                }
                return value
            }
            bytes += values.reduce(0) { $0 + $1.size }
            rows.append(values)
            last = rowID
        }
        return (rows, last)
    }

    private func insert(_ rows: [[CopiedColumn.Value]], into table: String, _ columns: [CopiedColumn]) async throws {
        var bindings = PostgresBindings(capacity: rows.count * columns.count)
        var tuples: [String] = []
        for row in rows {
            var placeholders: [String] = []
            for (value, column) in zip(row, columns) {
                try value.bind(to: &bindings)
                placeholders.append("$\(bindings.count)::\(column.postgresType)")
            }
            tuples.append("(\(placeholders.joined(separator: ", ")))")
        }
        let sql =
            "INSERT INTO \(TableMapping.quoted(table)) (\(columns.map(\.quotedName).joined(separator: ", "))) VALUES "
            + tuples.joined(separator: ", ")
        try await target.run(PostgresQuery(unsafeSQL: sql, binds: bindings))
    }

    // MARK: Sequences

    /// Sets each serial column's sequence of a copied table to the highest id copied, or the
    /// highest SQLite ever handed out (`sqlite_sequence`, for AUTOINCREMENT tables, whose
    /// ids are never reused), so that the next insert takes the id after it.
    private func continueSequences(sourceTables: [String]) async throws {
        let handedOut: [String: Int64] =
            sourceTables.contains("sqlite_sequence")
            ? try await source.read { db in
                Dictionary(
                    try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence").map {
                        (($0["name"] as String), ($0["seq"] as Int64))
                    },
                    uniquingKeysWith: max)
            } : [:]
        let copied = Set(TableMapping.copied.map(\.name))
        for row in try await target.rows(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'
            """)
        {
            let (table, column) = try row.decode((String, String).self)
            guard copied.contains(table) else { continue }
            let highest =
                try await target.value(
                    Int64.self,
                    "SELECT COALESCE(max(\(unescaped: TableMapping.quoted(column))), 0) FROM \(unescaped: TableMapping.quoted(table))"
                )
                ?? 0
            let next = max(highest, handedOut[table] ?? 0)
            guard next > 0 else { continue }
            try await target.run("SELECT setval(pg_get_serial_sequence(\(table), \(column)), \(next))")
        }
    }

    /// Rows one page of a table reads at most, and the bytes after which it stops early
    /// (messages are large): bounds what the copy holds in memory at once.
    private static let pageRows = 500
    private static let pageBytes = 8 << 20
}
