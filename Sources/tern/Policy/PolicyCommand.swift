import ArgumentParser
import Foundation
import TernAdmin
import TernStore

/// `tern policy show|set`: the device policy, by default or for one user.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Show or change the device policy.",
        subcommands: [PolicyShowCommand.self, PolicySetCommand.self])
}

/// `tern policy show [--user NAME]`: the policy in force, one `Name value` line per setting.
struct PolicyShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the policy in force.")

    @Option(help: "Show the policy in force for this user (their override or the default).")
    var user: String?

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let administration = Administration(store: try await dataOptions.openStore())
        do {
            let stored = try await administration.policy(for: user)
            let width = stored.policy.settings.map(\.name.count).max() ?? 0
            print("# \(stored.isUserOverride ? "override for \(user ?? "")" : "default"), version \(stored.version)")
            for setting in stored.policy.settings {
                print(setting.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + setting.value)
            }
        } catch {
            throw failure("\(error)")
        }
    }
}

/// `tern policy set KEY VALUE [--user NAME]`: devices provision again to get the change.
struct PolicySetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change one setting.")

    @Argument(help: "A setting, named as in the EASProvisionDoc, e.g. MinDevicePasswordLength.")
    var key: String

    @Argument(help: "1/0 for switches, a number, or none for no limit.")
    var value: String

    @Option(help: "Change this user's override instead of the default.")
    var user: String?

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let administration = Administration(store: try await dataOptions.openStore())
        do {
            let stored = try await administration.setPolicy([(key, value)], for: user)
            print("policy version \(stored.version): \(key) = \(value)")
        } catch {
            throw failure("\(error)")
        }
    }
}
