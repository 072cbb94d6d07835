import ArgumentParser
import TerminalOutput
import TernStore

/// `tern queue list [--json]`: one row per message waiting for the relay.
struct QueueListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the queued messages.")

    @Flag(help: "Print one JSON array instead of a table.")
    var json = false

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let queued: [QueuedMessage]
        do {
            queued = try await dataOptions.openStore().queuedMessages()
        } catch {
            throw failure("\(error)")
        }
        if json {
            try printJSON(queued)
            return
        }
        let rows = queued.map { message in
            [
                String(message.id), message.sender, message.recipients.joined(separator: ", "), String(message.size),
                RelativeTime.describe(message.queuedAt), String(message.attempts),
                RelativeTime.describe(message.nextAttemptAt), message.lastError ?? "-",
            ]
        }
        print(
            Table(
                header: ["ID", "FROM", "TO", "BYTES", "QUEUED", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR"], rows: rows
            ).rendered)
    }
}
