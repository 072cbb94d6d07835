import ArgumentParser
import Foundation
import TernStore
import TernStoreSQLite

/// `--data DIR`: where the embedded SQLite store lives (default `$TERN_DATA` or `./tern-data`).
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder (default: $TERN_DATA or ./tern-data).")
    var data: String?

    var directory: String {
        data ?? Self.defaultDirectory
    }

    /// `$TERN_DATA`, else `./tern-data`.
    static var defaultDirectory: String {
        ProcessInfo.processInfo.environment["TERN_DATA"] ?? "./tern-data"
    }

    func openStore() throws -> any Store {
        do {
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
