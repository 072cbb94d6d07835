import ArgumentParser
import TernStore

/// `tern queue list|retry|drop`: mail waiting for the relay (`tern serve --relay`).
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "List the mail waiting for the SMTP relay; retry or drop a message.",
        subcommands: [QueueListCommand.self, QueueRetryCommand.self, QueueDropCommand.self]
    )
}

/// `tern queue retry ID | --all`: makes messages due now; a running server sends them within seconds.
struct QueueRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Try a queued message (or every one) again now.")

    @Argument(help: "The message's ID, as `tern queue list` shows it.")
    var id: QueuedMessage.ID?

    @Flag(help: "Every queued message.")
    var all = false

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard (id == nil) != !all else { throw ValidationError("give a message ID or --all, not both") }
    }

    func run() async throws {
        let count: Int
        do {
            count = try await dataOptions.openStore().retryQueuedMessages(id: all ? nil : id)
        } catch {
            throw failure("\(error)")
        }
        guard all || count > 0 else { throw failure("no queued message \(id ?? 0)") }
        print("\(count) message\(count == 1 ? "" : "s") due now")
    }
}

/// `tern queue drop ID`: removes a message unsent, without a bounce.
struct QueueDropCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop", abstract: "Remove a queued message without sending it.")

    @Argument(help: "The message's ID, as `tern queue list` shows it.")
    var id: QueuedMessage.ID

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let dropped: Bool
        do {
            dropped = try await dataOptions.openStore().dropQueuedMessage(id: id)
        } catch {
            throw failure("\(error)")
        }
        guard dropped else { throw failure("no queued message \(id)") }
        print("dropped message \(id)")
    }
}
