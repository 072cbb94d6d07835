import ArgumentParser
import TernAdmin

/// `tern user remove NAME`: deletes the user and all their data.
struct UserRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a user and all their data.")

    @Argument(help: "The login name.")
    var name: String

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let administration = Administration(store: try await dataOptions.openStore())
        do {
            try await administration.removeUser(login: name)
        } catch {
            throw failure("\(error)")
        }
        print("removed \(name)")
    }
}
