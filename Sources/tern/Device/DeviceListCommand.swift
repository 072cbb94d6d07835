import ArgumentParser
import TerminalOutput
import TernAdmin

/// `tern device list [--user NAME] [--json]`.
struct DeviceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List devices.")

    @Option(help: "Only this user's devices.")
    var user: String?

    @Flag(help: "Print one JSON array instead of a table.")
    var json = false

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let listed: [DeviceSummary]
        do {
            listed = try await Administration(store: try await dataOptions.openStore()).devices(of: user)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw failure("\(error)")
        }
        if json {
            try printJSON(listed)
            return
        }
        let rows = listed.map { device in
            [
                device.user, device.deviceID, device.deviceType, device.model ?? "-", device.protocolVersion ?? "-",
                RelativeTime.describe(device.lastSeen),
                device.accessText, device.wipeText, device.withheld.map { "\($0.count) withheld" } ?? "-",
            ]
        }
        print(
            Table(
                header: ["USER", "DEVICE", "TYPE", "MODEL", "PROTOCOL", "LAST SEEN", "POLICY", "WIPE", "ITEMS"],
                rows: rows
            ).rendered)
        for device in listed {
            for item in device.withheld ?? [] {
                print(
                    "\(device.user)/\(device.deviceID): item \(item.serverID) in folder \(item.collectionID) withheld (\(item.reason))"
                )
            }
        }
    }
}
