import ArgumentParser
import Foundation
import TerminalOutput
import TernClient

/// `tern-device edit ID [--subject S] [--first F] ... [--read|--unread]`: a Sync Change.
struct EditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change an item on the server.",
        discussion:
            "An email can only be marked read or unread; contacts, events and tasks take the options of their class.")

    @Argument(help: ArgumentHelp("The item's id, as `ls` lists it.", valueName: "ID"))
    var id: String

    @Option(help: "A new subject (event, task).") var subject: String?
    @Option(help: "A new first name (contact).") var first: String?
    @Option(help: "A new last name (contact).") var last: String?
    @Option(help: "A new e-mail address (contact).") var email: String?
    @Option(help: ArgumentHelp("A new start, ISO 8601 (event).", valueName: "ISO")) var start: String?
    @Option(help: ArgumentHelp("A new end, ISO 8601 (event).", valueName: "ISO")) var end: String?
    @Option(help: ArgumentHelp("A new due time, ISO 8601 (task).", valueName: "ISO")) var due: String?
    @Flag(inversion: .prefixedNo, help: "Mark the task complete or not.") var complete: Bool?
    @Flag(help: "Mark the email read (--read) or unread (--unread).") var readState: ReadState?

    @Flag(help: "Print the changed item as JSON.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    enum ReadState: String, EnumerableFlag {
        case read, unread
    }

    /// The options as an edit; nil when a time does not parse.
    private var edit: ItemEdit? {
        var edit = ItemEdit(
            subject: subject, firstName: first, lastName: last, email: email, complete: complete,
            read: readState.map { $0 == .read })
        for (text, keyPath) in [(start, \ItemEdit.start), (end, \ItemEdit.end), (due, \ItemEdit.due)] {
            guard let text else { continue }
            guard let date = ISODate.parse(text) else { return nil }
            edit[keyPath: keyPath] = date
        }
        return edit
    }

    func validate() throws {
        guard let edit else {
            throw ValidationError("--start, --end and --due take ISO 8601 times such as 2026-12-01T09:00:00Z")
        }
        if edit == ItemEdit() { throw ValidationError("nothing to change: give at least one option") }
    }

    func run() async throws {
        guard let edit else { return }
        let changed = try await profile.withSession { try await $0.edit(id, edit) }
        if json {
            try printJSON(ItemReport(changed))
        } else {
            print("Changed \(changed.serverID): \(changed.title)")
        }
    }
}
