import ArgumentParser
import Foundation
import TerminalOutput
import TernClient

/// `tern-device pin set|unlock|lock|status`: the device PIN the policy asks for.
struct PINCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin", abstract: "Set, unlock, lock or show the device PIN.",
        discussion: """
            The PIN wraps the key that encrypts the local cache and the stored password. It comes from \
            --pin-stdin (the first line), else $TERN_DEVICE_PIN, else a prompt when stdin is a terminal. \
            While unlocked, the key waits in DIR/session.json (mode 0600) until MaxInactivityTimeDeviceLock \
            passes unused; a locked device's commands also open with $TERN_DEVICE_PIN. After \
            MaxDevicePasswordFailedAttempts wrong PINs in a row the local data is erased (exit 5).
            """,
        subcommands: [PINSetCommand.self, PINUnlockCommand.self, PINLockCommand.self, PINStatusCommand.self])
}

/// `--pin-stdin` and `--profile`, shared by the commands that take a PIN.
struct PINOptions: ParsableArguments {
    @Flag(name: .customLong("pin-stdin"), help: "Read the PIN from the first line of standard input.")
    var fromStandardInput = false

    @OptionGroup var profile: ProfileOptions

    /// The profile, or the failure that says why there is none.
    func load() throws -> DeviceProfile {
        do {
            return try DeviceProfile.load(from: profile.directory)
        } catch {
            throw failure(error)
        }
    }
}

struct PINSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set or change the PIN; it must meet the policy received at Provision.")

    @OptionGroup var options: PINOptions

    func run() async throws {
        var profile = try options.load()
        let pin = try PINInput.read(fromStandardInput: options.fromStandardInput, prompt: "New PIN: ", confirm: true)
        do {
            try profile.setPIN(pin)
        } catch {
            throw failure(error)
        }
        let status = profile.lockStatus
        let lock = status.inactivityLock.map { " (it locks after \(RelativeTime.duration($0)) unused)" } ?? ""
        print("PIN set; the device is unlocked\(lock).")
        if profile.record.policyKey == nil { print("The next command acknowledges the server's policy.") }
    }
}

struct PINUnlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Unlock the device with its PIN.")

    @OptionGroup var options: PINOptions

    func run() async throws {
        var profile = try options.load()
        let pin = try PINInput.read(fromStandardInput: options.fromStandardInput, prompt: "PIN: ")
        do {
            try profile.unlock(pin)
        } catch {
            throw failure(error)
        }
        print("Unlocked.")
    }
}

struct PINLockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lock", abstract: "Lock the device now.")

    @OptionGroup var profile: ProfileOptions

    func run() async throws {
        do {
            try DeviceProfile.load(from: profile.directory).lock()
        } catch {
            throw failure(error)
        }
        print("Locked.")
    }
}

struct PINStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show whether a PIN is set and the device unlocked.")

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func run() async throws {
        let status: LockStatus
        do {
            status = try DeviceProfile.load(from: profile.directory).lockStatus
        } catch {
            throw failure(error)
        }
        if json {
            try printJSON(status)
            return
        }
        let attempts =
            status.maximumFailedAttempts.map { "\(status.failedAttempts) of \($0) before the local data is erased" }
            ?? "\(status.failedAttempts) (no limit)"
        let rows = [
            [
                "PIN",
                status.pinSet
                    ? (status.compliant ? "set" : "set, but weaker than the policy asks")
                    : (status.pinRequired ? "not set (the policy requires one)" : "not set"),
            ],
            ["Policy", status.rules],
            [
                "State",
                !status.pinSet
                    ? "open (no PIN to unlock)"
                    : status.unlocked
                        ? "unlocked" + (status.locksAt.map { ", locks \(RelativeTime.describe($0))" } ?? "") : "locked",
            ],
            ["Wrong PINs", attempts],
        ]
        print(rows.map { $0[0].padding(toLength: 12, withPad: " ", startingAt: 0) + $0[1] }.joined(separator: "\n"))
    }
}
