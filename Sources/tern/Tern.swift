import ArgumentParser

/// `tern`: runs and manages a Tern server. Each command group lives in its own folder.
@main
struct Tern: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tern",
        abstract: "Tern, an Exchange ActiveSync push-sync server, and its admin tool.",
        subcommands: [
            ServeCommand.self, UserCommand.self, DeviceCommand.self, PolicyCommand.self, DeliverCommand.self,
            QueueCommand.self, ImportCommand.self, IndexCommand.self, MigrateCommand.self, ConfigCommand.self,
            WBXMLCommand.self,
        ]
    )
}
