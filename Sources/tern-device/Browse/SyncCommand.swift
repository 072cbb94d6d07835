import ArgumentParser
import TerminalOutput
import TernClient

/// `tern-device sync [FOLDER...] [--json]`: FolderSync, then Sync of the folders named (by
/// id or name) or of every mail, contacts, calendar and tasks folder.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Bring the local cache up to date with the server.")

    @Argument(
        help: ArgumentHelp(
            "Folders by id or name (default: all of mail, contacts, calendar and tasks).", valueName: "FOLDER"))
    var folders: [String] = []

    @Flag(help: "Print one JSON array of per-folder counts.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func run() async throws {
        let progress = ProgressLine(label: "syncing")
        let summaries = try await profile.withSession { session in
            try await session.syncAll(folders) { folder, done, total in
                progress.show(
                    total.map { "\(folder.name) \(ProgressLine.bar(done, of: $0)) \(done)/\($0)" }
                        ?? "\(folder.name): \(done) items")
            }
        }
        progress.finish()
        if json {
            try printJSON(summaries)
            return
        }
        for summary in summaries { print(summary.line) }
    }
}
