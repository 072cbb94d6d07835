public import TernStore

/// A policy as `GET /admin/api/v1/policy` shows it: settings named as in the EASProvisionDoc.
public struct PolicySummary: Codable, Hashable, Sendable {
    public let version: Int64
    public let isUserOverride: Bool
    public let settings: [String: String]

    public init(_ stored: StoredPolicy) {
        version = stored.version
        isUserOverride = stored.isUserOverride
        settings = Dictionary(uniqueKeysWithValues: stored.policy.settings.map { ($0.name, $0.value) })
    }
}
