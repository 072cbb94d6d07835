import ArgumentParser
import Foundation
import TernStore
import TernStorePostgres
import TernStoreSQLite

/// `--data DIR` and `--database URL`: where the store lives. Without a database URL it is the
/// embedded SQLite store in the data folder (default `$TERN_DATA` or `./tern-data`); with
/// `postgres://USER@HOST/DB` (or `$TERN_DATABASE`) it is PostgreSQL, which several servers share.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder (default: $TERN_DATA or ./tern-data).")
    var data: String?

    @Option(
        name: .long,
        help: """
            A PostgreSQL database, postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=disable|prefer|require] \
            (default: $TERN_DATABASE, else SQLite in the data folder).
            """)
    var database: String?

    /// The most connections a PostgreSQL store's pool opens (`databasePoolSize` in the config).
    var databasePoolSize = 16

    /// The PostgreSQL URL from `--database` or `$TERN_DATABASE`; nil for the embedded store.
    var databaseURL: String? {
        database ?? ProcessInfo.processInfo.environment["TERN_DATABASE"]
    }

    var directory: String {
        data ?? Self.defaultDirectory
    }

    /// `$TERN_DATA`, else `./tern-data`.
    static var defaultDirectory: String {
        ProcessInfo.processInfo.environment["TERN_DATA"] ?? "./tern-data"
    }

    func openStore() async throws -> any Store {
        do {
            if let url = databaseURL { return try await PostgresStore(url: url, poolSize: databasePoolSize) }
            return try SQLiteStore(dataDirectory: directory)
        } catch {
            throw failure("\(error)")
        }
    }
}

/// One line of stdin without its line end: how scripts pass a password (`--password-stdin`).
func readPasswordFromStandardInput() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw failure("no password on standard input")
    }
    return line
}
