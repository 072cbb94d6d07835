import ActiveSync
import ArgumentParser
import TerminalOutput
import TernClient

/// `tern-device lookup NAME [--json]`: people in the server's address book (GAL).
struct LookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup", abstract: "Look people up in the server's address book by name, alias or address.")

    @Argument(help: "The start of a name, alias or address.")
    var name: String

    @Option(help: ArgumentHelp("At most this many people.", valueName: "N"))
    var limit = 50

    @Flag(help: "Print one JSON array instead of a table.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func validate() throws {
        if limit < 1 || limit > 100 { throw ValidationError("--limit must be 1 to 100") }
    }

    func run() async throws {
        let people = try await profile.withSession { try await $0.lookup(name, limit: limit) }
        if json {
            try printJSON(people)
            return
        }
        let rows = people.map { [$0.displayName, $0.emailAddress ?? "-", $0.alias ?? "-"] }
        print(Table(header: ["NAME", "ADDRESS", "ALIAS"], rows: rows).rendered)
    }
}
