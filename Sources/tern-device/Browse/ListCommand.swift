import ArgumentParser
import Foundation
import TerminalOutput
import TernClient

/// `tern-device ls FOLDER [--json]`: the cached items of one folder, newest first.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls", abstract: "List the items of a folder as cached here.")

    @Argument(help: ArgumentHelp("The folder, by id or name.", valueName: "FOLDER"))
    var folder: String

    @Flag(help: "Print one JSON array instead of a table.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func run() async throws {
        let (listed, cached) = try await profile.withSession { session in
            let listed = try await session.folder(named: folder)
            return (listed, try await session.items(in: listed))
        }
        let items = cached.sorted { ($0.date ?? .distantPast, $1.serverID) > ($1.date ?? .distantPast, $0.serverID) }
        if json {
            try printJSON(items.map(ItemReport.init))
            return
        }
        let rows = items.map { [$0.serverID, $0.title, $0.date.map { RelativeTime.describe($0) } ?? "-"] }
        print(Table(header: ["ID", listed.kind == .contacts ? "NAME" : "SUBJECT", "DATE"], rows: rows).rendered)
    }
}
