import ArgumentParser
import TerminalOutput
import TernAdmin

/// `tern user list [--json]`.
struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")

    @Flag(help: "Print one JSON array instead of a table.")
    var json = false

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let users: [UserSummary]
        do {
            users = try await Administration(store: try await dataOptions.openStore()).users()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw failure("\(error)")
        }
        if json {
            try printJSON(users)
            return
        }
        let rows = users.map { [$0.login, $0.displayName, $0.emailAddresses.joined(separator: ", ")] }
        print(Table(header: ["LOGIN", "NAME", "ADDRESSES"], rows: rows).rendered)
    }
}
