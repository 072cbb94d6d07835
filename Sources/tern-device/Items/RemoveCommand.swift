import ArgumentParser
import TernClient

/// `tern-device rm ID`: deletes an item on the server and from the cache.
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete an item on the server.")

    @Argument(help: ArgumentHelp("The item's id, as `ls` lists it.", valueName: "ID"))
    var id: String

    @OptionGroup var profile: ProfileOptions

    func run() async throws {
        try await profile.withSession { try await $0.remove(id) }
        print("Deleted \(id).")
    }
}
