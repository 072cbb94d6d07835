import Foundation
import TerminalOutput
import TernAdmin
import TernStore

/// A device's states in words for `tern device list`'s table; the JSON form keeps the data.
extension DeviceSummary {
    /// `blocked`, why it is autoblocked, or where it is in provisioning.
    var accessText: String {
        if blocked { return "blocked" }
        if let autoblock {
            let why =
                autoblock.reason == .userAgentChanges
                ? "its User-Agent changed too often" : "a Ping or Sync every second"
            return "autoblocked: \(why), until \(autoblock.until.formatted(.iso8601))"
        }
        return switch policy.state {
        case .notProvisioned: "not provisioned"
        case .provisioning: "provisioning"
        case .provisioned: "provisioned (policy \(policy.version ?? 0))"
        }
    }

    /// `-`, `wipe pending`, `wiped 3 minutes ago`, with a failure the device reported.
    var wipeText: String {
        guard let wipe else { return "-" }
        let kind = wipe.accountOnly ? "account wipe" : "wipe"
        let state =
            switch wipe.state {
            case .pending: "\(kind) pending"
            case .wiped:
                (wipe.accountOnly ? "account wiped " : "wiped ")
                    + RelativeTime.describe(wipe.wipedAt ?? wipe.requestedAt)
            }
        return state + (wipe.failedAt.map { ", failed " + RelativeTime.describe($0) + ", sent again" } ?? "")
    }
}
