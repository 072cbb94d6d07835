import ArgumentParser
import Foundation
import ActiveSync
import TernStore

/// `tern device list [--user NAME] [--json]`.
struct DeviceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List devices.")

    @Option(help: "Only this user's devices.")
    var user: String?

    @Flag(help: "Print one JSON array instead of a table.")
    var json = false

    @OptionGroup var dataOptions: DataOptions

    private struct Listed: Encodable {
        let user: String
        let deviceID: String
        let deviceType: String
        let model: String?
        let protocolVersion: String?
        let lastSeen: Date
        let policy: String
        let wipe: String
        let blocked: Bool
    }

    func run() async throws {
        let store = try dataOptions.openStore()
        let listed: [Listed]
        do {
            let users = try await store.users()
            let logins = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.login) })
            var owner: User.ID?
            if let user {
                guard let found = users.first(where: { $0.login.caseInsensitiveCompare(user) == .orderedSame }) else {
                    throw failure("no user \(user)")
                }
                owner = found.id
            }
            listed = try await store.devices(of: owner).map { device in
                Listed(
                    user: logins[device.userID] ?? "?", deviceID: device.deviceID, deviceType: device.deviceType,
                    model: device.information.model, protocolVersion: device.protocolVersion, lastSeen: device.lastSeen,
                    policy: Self.describe(device.provisioning), wipe: Self.describe(device.wipe), blocked: device.isBlocked)
            }
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
            [device.user, device.deviceID, device.deviceType, device.model ?? "-", device.protocolVersion ?? "-",
             RelativeTime.describe(device.lastSeen), device.blocked ? "blocked" : device.policy, device.wipe]
        }
        print(Table(header: ["USER", "DEVICE", "TYPE", "MODEL", "PROTOCOL", "LAST SEEN", "POLICY", "WIPE"], rows: rows).rendered)
    }

    static func describe(_ state: ProvisionState) -> String {
        switch state {
        case .unprovisioned: "not provisioned"
        case .temporaryKey: "provisioning"
        case .provisioned(_, let version): "provisioned (policy \(version))"
        }
    }

    static func describe(_ state: WipeState) -> String {
        switch state {
        case .none: "-"
        case .requested(let accountOnly, _): accountOnly ? "account wipe pending" : "wipe pending"
        case .acknowledged(let accountOnly, _, let at): (accountOnly ? "account wiped " : "wiped ") + RelativeTime.describe(at)
        }
    }
}

/// "5 minutes ago" style times for tables.
enum RelativeTime {
    static func describe(_ date: Date, now: Date = Date()) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<86_400: return "\(seconds / 3600) h ago"
        default: return "\(seconds / 86_400) days ago"
        }
    }
}
