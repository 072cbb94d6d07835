import ArgumentParser
import Foundation
import TerminalOutput
import TernClient

/// `tern-device status [--json]`: the account, provisioning and cache at a glance.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the account, its policy and the local cache.")

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func run() async throws {
        let report = try await profile.withSession { try await StatusReport($0) }
        if json {
            try printJSON(report)
            return
        }
        let rows = [
            ["Profile", report.profile], ["Server", report.server], ["User", report.user],
            ["Device", "\(report.deviceID) (\(report.deviceType))"], ["Protocol", report.protocolVersion],
            [
                "Provisioned",
                report.provisioned
                    ? report.provisionedAt.map { RelativeTime.describe($0) } ?? "yes" : "no (policy not acknowledged)",
            ],
            ["Last sync", report.lastSyncAt.map { RelativeTime.describe($0) } ?? "never"],
            ["Policy", report.policy.isEmpty ? "none" : "\(report.policy.count) settings; PIN: \(report.lock.rules)"],
            ["PIN", report.lock.pinSet ? (report.lock.unlocked ? "set, unlocked" : "set, locked") : "not set"],
            ["Cache", "\(report.folders) folders, \(report.items) items"],
        ]
        print(rows.map { $0[0].padding(toLength: 12, withPad: " ", startingAt: 0) + $0[1] }.joined(separator: "\n"))
    }
}
