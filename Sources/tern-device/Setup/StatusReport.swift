import Foundation
import TernClient

/// What `status` (and `setup --json`) shows of a profile. The password and policy key are
/// never shown, only whether there is one.
struct StatusReport: Codable {
    let profile: String
    let server: String
    let user: String
    let deviceID: String
    let deviceType: String
    let protocolVersion: String
    let provisioned: Bool
    let provisionedAt: Date?
    let lastSyncAt: Date?
    let policy: [String: String]
    let folders: Int
    let items: Int
    let lock: LockStatus

    init(_ session: DeviceSession) async throws {
        let profile = await session.profile
        let folders = try await session.folders()
        let record = profile.record
        self.profile = profile.directory.path
        server = record.account.endpoint.absoluteString
        user = record.account.user
        deviceID = record.account.deviceID
        deviceType = record.account.deviceType
        protocolVersion = record.protocolVersion
        provisioned = record.policyKey != nil
        provisionedAt = record.provisionedAt
        lastSyncAt = record.lastSyncAt
        policy = Dictionary(record.policy.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        self.folders = folders.count
        items = folders.map(\.itemCount).reduce(0, +)
        lock = profile.lockStatus
    }
}
