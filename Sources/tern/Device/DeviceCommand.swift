import ActiveSync
import ArgumentParser
import Foundation
import TernStore

/// `tern device list|wipe|block|allow`: see and control users' phones.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device",
        abstract: "List devices, wipe, block or allow one.",
        subcommands: [DeviceListCommand.self, DeviceWipeCommand.self, DeviceBlockCommand.self, DeviceAllowCommand.self]
    )
}

/// USER DEVICEID, shared by the commands that act on one device.
struct DeviceSelection: ParsableArguments {
    @Argument(help: "The device's user.")
    var user: String

    @Argument(help: "The EAS DeviceId, as `tern device list` shows it.")
    var deviceID: String

    @OptionGroup var dataOptions: DataOptions

    /// Loads the device, applies `change`, saves it, and prints `message`.
    func update(_ message: String, _ change: (inout Device) -> Void) async throws {
        let store = try dataOptions.openStore()
        do {
            guard let owner = try await store.user(login: user) else { throw failure("no user \(user)") }
            guard var device = try await store.device(of: owner.id, deviceID: deviceID) else {
                throw failure("\(user) has no device \(deviceID)")
            }
            change(&device)
            _ = try await store.saveDevice(device)
            print("\(message) \(user)/\(deviceID)")
        } catch let error as ExitCode {
            throw error
        } catch {
            throw failure("\(error)")
        }
    }
}

/// `tern device wipe USER DEVICEID [--account-only]`.
struct DeviceWipeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wipe", abstract: "Ask a device to erase itself at its next request.")

    @OptionGroup var selection: DeviceSelection

    @Flag(help: "Erase only this account's data (protocol 16.1 AccountOnlyRemoteWipe).")
    var accountOnly = false

    func run() async throws {
        let accountOnly = accountOnly
        try await selection.update(accountOnly ? "account wipe requested for" : "wipe requested for") { device in
            device.wipe = .requested(accountOnly: accountOnly, at: Date())
        }
    }
}

/// `tern device block USER DEVICEID`.
struct DeviceBlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "block", abstract: "Refuse every request of a device.")

    @OptionGroup var selection: DeviceSelection

    func run() async throws {
        try await selection.update("blocked") { $0.isBlocked = true }
    }
}

/// `tern device allow USER DEVICEID`: lifts a block or a completed wipe; the device provisions afresh.
struct DeviceAllowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allow", abstract: "Let a blocked or wiped device in again (it provisions afresh).")

    @OptionGroup var selection: DeviceSelection

    func run() async throws {
        try await selection.update("allowed") { device in
            device.isBlocked = false
            device.wipe = .none
            device.provisioning = .unprovisioned
        }
    }
}
