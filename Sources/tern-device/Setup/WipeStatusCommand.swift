import ArgumentParser
import Foundation
import TerminalOutput
import TernClient

/// `tern-device wipe-status [--json]`: whether this device's local data was wiped, when and why.
/// Reads only `profile.json`, so it works on a wiped profile.
struct WipeStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wipe-status", abstract: "Tell whether this device's local data was wiped, and why.")

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    struct Report: Codable {
        let wiped: Bool
        let wipedAt: Date?
        /// `remote`, `accountOnly` or `failedPINs`.
        let reason: WipeReason?
    }

    func run() async throws {
        let loaded: DeviceProfile
        do {
            loaded = try DeviceProfile.load(from: profile.directory)
        } catch {
            throw failure(error)
        }
        let report = Report(
            wiped: loaded.record.wipedAt != nil, wipedAt: loaded.record.wipedAt, reason: loaded.record.wipeReason)
        if json {
            try printJSON(report)
        } else if let wipedAt = report.wipedAt {
            print(
                "Wiped at \(DateText.describe(wipedAt)) (\(RelativeTime.describe(wipedAt))): \((report.reason ?? .remote).explanation)."
            )
        } else {
            print("Not wiped.")
        }
    }
}
