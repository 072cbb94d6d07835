import ArgumentParser
import Foundation
import TernStore
import TernStoreMigration

/// `tern migrate --from DATA_DIR --to postgres://…`: moves a server from its SQLite store to
/// PostgreSQL with every device's sync state, so that no device resyncs or provisions again.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a SQLite store into an empty PostgreSQL database, keeping every device's sync state.",
        discussion: """
            Stop the server first. The SQLite store is brought to this version's schema, then \
            copied whole in one PostgreSQL transaction: users, passwords, photos, folders, \
            items and their change history, devices with their policy keys and wipe state, sync \
            states, policies, out-of-office settings, sent-message ids and the outbound queue; \
            the search index is built anew. The database must hold no users yet; if anything \
            fails, nothing is written. Then start `tern serve --database URL`: devices carry on \
            with the keys they have.
            """)

    @Option(help: ArgumentHelp("The data folder of the SQLite store (holding tern.sqlite).", valueName: "DATA_DIR"))
    var from: String

    @Option(
        help: ArgumentHelp(
            "The PostgreSQL database, postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=disable|prefer|require].",
            valueName: "URL"))
    var to: String

    func run() async throws {
        let summary: StoreMigrationSummary
        do {
            summary = try await StoreMigration(dataDirectory: from, databaseURL: to).run()
        } catch {
            throw failure("\(error)")
        }
        let seconds =
            Double(summary.duration.components.seconds) + Double(summary.duration.components.attoseconds) / 1e18
        print(
            "copied \(Self.count(summary.users, "user")), \(Self.count(summary.devices, "device")), "
                + "\(Self.count(summary.folders, "folder")), \(Self.count(summary.items, "item")), "
                + "\(Self.count(summary.syncStates, "sync state")) in \(String(format: "%.1f", seconds)) s")
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
