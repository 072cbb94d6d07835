import ArgumentParser
import Foundation
import TernStore

/// `tern user list [--json]`.
struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")

    @Flag(help: "Print one JSON array instead of a table.")
    var json = false

    @OptionGroup var dataOptions: DataOptions

    private struct Listed: Encodable {
        let login: String
        let displayName: String
        let emailAddresses: [String]
        let createdAt: Date
    }

    func run() async throws {
        let store = try dataOptions.openStore()
        let users: [User]
        do {
            users = try await store.users()
        } catch {
            throw failure("\(error)")
        }
        if json {
            let listed = users.map { Listed(login: $0.login, displayName: $0.displayName, emailAddresses: $0.emailAddresses, createdAt: $0.createdAt) }
            try printJSON(listed)
            return
        }
        let rows = users.map { [$0.login, $0.displayName, $0.emailAddresses.joined(separator: ", ")] }
        print(Table(header: ["LOGIN", "NAME", "ADDRESSES"], rows: rows).rendered)
    }
}
