import Foundation
import TernAdmin
import TernStore

/// The parts of a device's row that change while the list is open, in words: the device list
/// renders them and `GET /admin/devices/state` sends them as JSON, so that the page's script
/// writes the same words in place (a wipe acknowledged shows `wiped` without a reload).
struct DeviceState: Encodable, Sendable {
    /// `login/deviceID`, which names the row.
    let key: String
    let lastSeen: String
    let policy: String
    let wipe: String
    let access: String

    init(_ device: DeviceSummary, now: Date = Date()) {
        key = device.user + "/" + device.deviceID
        lastSeen = device.lastSeen.consoleText
        policy =
            switch device.policy.state {
            case .notProvisioned: "not provisioned"
            case .provisioning: "provisioning"
            case .provisioned: "provisioned (policy \(device.policy.version ?? 0))"
            }
        if let wipe = device.wipe {
            let kind = wipe.accountOnly ? "account " : ""
            let state =
                switch wipe.state {
                case .pending: "\(kind)wipe pending since \(wipe.requestedAt.consoleText)"
                case .wiped: "\(kind)wiped at \((wipe.wipedAt ?? wipe.requestedAt).consoleText)"
                }
            self.wipe = state + (wipe.failedAt.map { "; failed at \($0.consoleText), sent again" } ?? "")
        } else {
            wipe = "none"
        }
        if device.blocked {
            access = "blocked"
        } else if device.wipe?.state == .wiped {
            access = "refused since its wipe, until allowed"
        } else if let autoblock = device.autoblock {
            let why =
                autoblock.reason == .userAgentChanges
                ? "its User-Agent changed too often" : "a Ping or Sync every second"
            access = "autoblocked until \(autoblock.until.consoleText): \(why)"
        } else {
            access = "allowed"
        }
    }
}
