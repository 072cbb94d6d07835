import ArgumentParser
import Foundation
import TerminalOutput
import TernClient

/// `tern-device show ID [--json]`: every property of one cached item.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the fields of one item.")

    @Argument(help: ArgumentHelp("The item's id, as `ls` lists it.", valueName: "ID"))
    var id: String

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func run() async throws {
        let item = try await profile.withSession { try await $0.item(id) }
        if json {
            try printJSON(ItemReport(item))
            return
        }
        let width = (item.fields.map(\.name.count).max() ?? 0) + 2
        print(
            item.fields.map { ($0.name + ":").padding(toLength: width, withPad: " ", startingAt: 0) + $0.value }.joined(
                separator: "\n"))
    }
}
