import ArgumentParser
import Foundation
import TerminalOutput
import TernClient

/// `tern-device add contact|event|task ...`: a new item, created on the server at once.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create a contact, event or task on the server.",
        subcommands: [AddContactCommand.self, AddEventCommand.self, AddTaskCommand.self])
}

/// What the three `add` commands share: send the item, print its new id.
struct AddOptions: ParsableArguments {
    @Flag(help: "Print the new item as JSON.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func add(_ item: NewItem) async throws {
        let added = try await profile.withSession { try await $0.add(item) }
        if json {
            try printJSON(ItemReport(added))
        } else {
            print("Added \(added.serverID): \(added.title)")
        }
    }
}

struct AddContactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contact", abstract: "Add a contact.")

    @Option(help: "First name.") var first: String
    @Option(help: "Last name.") var last: String
    @Option(help: "E-mail address.") var email: String?
    @OptionGroup var options: AddOptions

    func run() async throws {
        try await options.add(.contact(firstName: first, lastName: last, email: email))
    }
}

struct AddEventCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "event", abstract: "Add a calendar event.")

    @Option(help: "What the event is.") var subject: String
    @Option(help: ArgumentHelp("Start, ISO 8601 (2026-12-01T09:00:00Z).", valueName: "ISO")) var start: String
    @Option(help: ArgumentHelp("End, ISO 8601.", valueName: "ISO")) var end: String
    @OptionGroup var options: AddOptions

    func validate() throws {
        guard let startDate = ISODate.parse(start), let endDate = ISODate.parse(end) else {
            throw ValidationError("--start and --end must be ISO 8601 times such as 2026-12-01T09:00:00Z")
        }
        guard endDate >= startDate else { throw ValidationError("--end is before --start") }
    }

    func run() async throws {
        guard let startDate = ISODate.parse(start), let endDate = ISODate.parse(end) else { return }
        try await options.add(.event(subject: subject, start: startDate, end: endDate))
    }
}

struct AddTaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "task", abstract: "Add a task.")

    @Option(help: "What is to be done.") var subject: String
    @Option(help: ArgumentHelp("Due, ISO 8601.", valueName: "ISO")) var due: String?
    @OptionGroup var options: AddOptions

    func validate() throws {
        if let due, ISODate.parse(due) == nil {
            throw ValidationError("--due must be an ISO 8601 time such as 2026-12-01T17:00:00Z")
        }
    }

    func run() async throws {
        try await options.add(.task(subject: subject, due: due.flatMap(ISODate.parse)))
    }
}

/// ISO 8601 times as typed: with a zone (`Z`, `+01:00`), or a date alone (midnight UTC).
enum ISODate {
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day())
    }
}
