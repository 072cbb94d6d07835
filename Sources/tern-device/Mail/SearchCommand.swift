import ArgumentParser
import Foundation
import TerminalOutput
import TernClient

/// `tern-device search TEXT [--json]`: Search of the mailbox on the server.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search the mailbox on the server.")

    @Argument(help: "The text to look for.")
    var text: String

    @Option(help: ArgumentHelp("At most this many results.", valueName: "N"))
    var limit = 50

    @Flag(help: "Print one JSON array instead of a table.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() async throws {
        let hits = try await profile.withSession { try await $0.search(text, limit: limit) }
        if json {
            try printJSON(hits)
            return
        }
        let rows = hits.map {
            [$0.longID ?? "-", $0.subject ?? "", $0.from ?? "", $0.date.map { RelativeTime.describe($0) } ?? "-"]
        }
        print(Table(header: ["ID", "SUBJECT", "FROM", "DATE"], rows: rows).rendered)
    }
}
