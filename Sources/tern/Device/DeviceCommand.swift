import ArgumentParser
import TernAdmin

/// `tern device list|wipe|block|allow|remove|resync|trace`: see and control users' phones.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device",
        abstract: "List devices; wipe, block, allow, remove, resync or trace one.",
        subcommands: [
            DeviceListCommand.self, DeviceWipeCommand.self, DeviceBlockCommand.self, DeviceAllowCommand.self,
            DeviceRemoveCommand.self, DeviceResyncCommand.self, DeviceTraceCommand.self,
        ]
    )
}

/// USER DEVICEID, shared by the commands that act on one device.
struct DeviceSelection: ParsableArguments {
    @Argument(help: "The device's user.")
    var user: String

    @Argument(help: "The EAS DeviceId, as `tern device list` shows it.")
    var deviceID: String

    @OptionGroup var dataOptions: DataOptions

    /// Runs `operation` with the user and device id and prints `message`.
    func update(
        _ message: String, _ operation: (Administration, _ user: String, _ deviceID: String) async throws -> Void
    ) async throws {
        let administration = Administration(store: try await dataOptions.openStore())
        do {
            try await operation(administration, user, deviceID)
            print("\(message) \(user)/\(deviceID)")
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
        try await selection.update(accountOnly ? "account wipe requested for" : "wipe requested for") { [accountOnly] in
            try await $0.wipe(login: $1, deviceID: $2, accountOnly: accountOnly)
        }
    }
}

/// `tern device block USER DEVICEID`.
struct DeviceBlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "block", abstract: "Refuse every request of a device.")

    @OptionGroup var selection: DeviceSelection

    func run() async throws {
        try await selection.update("blocked") { try await $0.block(login: $1, deviceID: $2) }
    }
}

/// `tern device allow USER DEVICEID`: lifts a block or a completed wipe; the device provisions afresh.
struct DeviceAllowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allow", abstract: "Let a blocked or wiped device in again (it provisions afresh).")

    @OptionGroup var selection: DeviceSelection

    func run() async throws {
        try await selection.update("allowed") { try await $0.allow(login: $1, deviceID: $2) }
    }
}

/// `tern device remove USER DEVICEID`: forgets the device; seen again, it provisions afresh.
struct DeviceRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Forget a device and its sync state (seen again, it provisions afresh, with no wipe).")

    @OptionGroup var selection: DeviceSelection

    func run() async throws {
        try await selection.update("removed") { try await $0.remove(login: $1, deviceID: $2) }
    }
}

/// `tern device resync USER DEVICEID`: the device syncs its folders and items again from scratch.
struct DeviceResyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resync", abstract: "Make a device sync its folders and items again from the start.")

    @OptionGroup var selection: DeviceSelection

    func run() async throws {
        try await selection.update("resync requested for") { try await $0.resync(login: $1, deviceID: $2) }
    }
}
