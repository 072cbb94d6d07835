import ArgumentParser
import Foundation

/// `tern-device`: the reference EAS device client. Each command group lives in its own file.
///
/// Exit codes: 0 ok, 2 usage, 3 authentication, 4 policy or PIN, 5 wiped, 1 anything else.
@main
struct TernDevice: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tern-device",
        abstract: "A reference Exchange ActiveSync device for the command line.",
        discussion: "Exit codes: 0 ok, 2 usage, 3 authentication, 4 policy or PIN, 5 wiped, 1 other errors.",
        subcommands: [
            SetupCommand.self, StatusCommand.self, SyncCommand.self, FoldersCommand.self, ListCommand.self,
            ShowCommand.self, AddCommand.self, EditCommand.self, MoveCommand.self, RemoveCommand.self, SendCommand.self,
            ReplyCommand.self,
            ForwardCommand.self, SearchCommand.self, LookupCommand.self, WatchCommand.self, PINCommand.self,
            WipeStatusCommand.self,
        ]
    )

    /// ArgumentParser's own entry point, but with usage errors leaving with 2 rather than 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(DeviceExit.usage)
            }
            exit(withError: error)
        }
    }
}
