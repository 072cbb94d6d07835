import ArgumentParser
import TernAdmin
import TernStore

/// `tern device trace USER DEVICEID on|off [--bodies]`: the server writes the device's decoded
/// requests and responses to `DATA/traces/USER-DEVICEID.log`, as support engineers debug a
/// phone; passwords are masked always, message bodies unless `--bodies`.
struct DeviceTraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace", abstract: "Log a device's decoded requests and responses to a file in the data folder.")

    enum Switch: String, ExpressibleByArgument {
        case on, off
    }

    @OptionGroup var selection: DeviceSelection

    @Argument(help: "on or off.")
    var state: Switch

    @Flag(help: "Show message bodies, attachments and MIME too (passwords stay masked).")
    var bodies = false

    func run() async throws {
        let trace: DeviceTrace? = state == .off ? nil : bodies ? .bodies : .masked
        try await selection.update(trace == nil ? "trace off for" : "tracing") {
            try await $0.trace(login: $1, deviceID: $2, trace)
        }
    }
}
