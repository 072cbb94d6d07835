import ArgumentParser
import TerminalOutput
import TernClient

/// `tern-device folders [--json]`: the folder list from the last FolderSync.
struct FoldersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folders", abstract: "List the folders and how many items each holds here.")

    @Flag(help: "Print one JSON array instead of a table.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func run() async throws {
        let folders = try await profile.withSession { try await $0.folders() }
        if json {
            try printJSON(folders)
            return
        }
        let rows = folders.map {
            [$0.serverID, $0.name, $0.kind?.rawValue ?? "other (\($0.type))", String($0.itemCount)]
        }
        print(Table(header: ["ID", "NAME", "TYPE", "ITEMS"], rows: rows).rendered)
    }
}
