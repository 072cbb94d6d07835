import ArgumentParser
import Foundation
import TernClient
import TerminalOutput

/// `tern-device wipe-status [--json]`: whether the server wiped this device, and when.
/// Reads only `profile.json`, so it works on a wiped profile.
struct WipeStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wipe-status", abstract: "Tell whether this device was remotely wiped.")

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    struct Report: Codable {
        let wiped: Bool
        let wipedAt: Date?
    }

    func run() async throws {
        let loaded: DeviceProfile
        do {
            loaded = try DeviceProfile.load(from: profile.directory)
        } catch {
            throw failure(error)
        }
        let report = Report(wiped: loaded.record.wipedAt != nil, wipedAt: loaded.record.wipedAt)
        if json {
            try printJSON(report)
        } else if let wipedAt = report.wipedAt {
            print("Wiped at \(DateText.describe(wipedAt)) on the server's order; the local data is erased.")
        } else {
            print("Not wiped.")
        }
    }
}
