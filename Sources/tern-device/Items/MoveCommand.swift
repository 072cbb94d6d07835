import ArgumentParser
import TerminalOutput
import TernClient

/// `tern-device move ID FOLDER`: MoveItems to another folder of the same class.
struct MoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move an item to another folder; it gets a new id there.")

    @Argument(help: ArgumentHelp("The item's id, as `ls` lists it.", valueName: "ID"))
    var id: String

    @Argument(help: ArgumentHelp("The folder to move it to, by id or name.", valueName: "FOLDER"))
    var folder: String

    @Flag(help: "Print the moved item as JSON.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func run() async throws {
        let (moved, destination) = try await profile.withSession { session in
            let destination = try await session.folder(named: folder)
            return (try await session.move(id, to: destination), destination)
        }
        if json {
            try printJSON(ItemReport(moved))
        } else {
            print("Moved \(id) to \(destination.name) as \(moved.serverID).")
        }
    }
}
