import Foundation
import TernServer

/// What `tern serve` would run with, as `tern config check` prints it: every setting with its
/// default filled in, secrets replaced by `********`.
struct EffectiveConfiguration: Encodable {
    struct Bounds: Encodable {
        let min: Int
        let max: Int
    }

    struct Connections: Encodable {
        let headTimeout: Int
        let idleTimeout: Int
        let minBodyBytesPerSecond: Int
    }

    struct Autoblock: Encodable {
        let maxQuietRequestsPerMinute: Int
        let requestRateBlockSeconds: Int
        let maxUserAgentChangesPerDay: Int
    }

    struct Relay: Encodable {
        let url: String
        let username: String?
        let password: String?
        let requireTLS: Bool
        let trustRoots: String?
        let heloName: String
        let retry: Bounds
        let lifetime: Int
    }

    static let masked = "********"

    let listen: String
    let lmtp: String?
    let data: String
    let adminToken: String?
    let publicURL: String?
    let maxRequestBytes: Int
    let heartbeat: Bounds
    let maxHeldPerUser: Int
    let maxHeldTotal: Int
    let maxConcurrentRequests: Int
    let connections: Connections
    let autoblock: Autoblock
    let relay: Relay?
    let passwordVerifierKey: String?
    let tlsCertificate: String?
    let tlsKey: String?
    let metrics: String?
    /// The PostgreSQL URL with its password masked; nil for the embedded store.
    let database: String?
    let databasePoolSize: Int?
    let logFormat: LogFormat
    let logLevel: String

    init(
        _ configuration: ServerConfiguration, lmtp: String?, data: String, database: (url: String, poolSize: Int)?,
        logFormat: LogFormat, logLevel: String
    ) {
        listen = "\(configuration.host):\(configuration.port)"
        self.lmtp = lmtp
        self.data = data
        adminToken = configuration.adminToken.map { _ in Self.masked }
        publicURL = configuration.publicURL
        maxRequestBytes = configuration.maxRequestBytes
        heartbeat = Bounds(min: configuration.minHeartbeat, max: configuration.maxHeartbeat)
        maxHeldPerUser = configuration.maxHeldPerUser
        maxHeldTotal = configuration.maxHeldTotal
        maxConcurrentRequests = configuration.maxConcurrentRequests
        let limits = configuration.connectionLimits
        connections = Connections(
            headTimeout: Int(limits.headTimeout.components.seconds),
            idleTimeout: Int(limits.idleTimeout.components.seconds),
            minBodyBytesPerSecond: limits.minBodyBytesPerSecond)
        let autoblock = configuration.autoblock
        self.autoblock = Autoblock(
            maxQuietRequestsPerMinute: autoblock.maxQuietRequestsPerMinute,
            requestRateBlockSeconds: Int(autoblock.requestRateBlock.components.seconds),
            maxUserAgentChangesPerDay: autoblock.maxUserAgentChanges)
        relay = configuration.relay.map { relay in
            Relay(
                url: "smtp://\(relay.host):\(relay.port)", username: relay.credentials?.username,
                password: relay.credentials.map { _ in Self.masked }, requireTLS: relay.requireTLS,
                trustRoots: relay.trustRootsFile, heloName: relay.heloName,
                retry: Bounds(min: Int(relay.minBackoff), max: Int(relay.maxBackoff)), lifetime: Int(relay.lifetime))
        }
        passwordVerifierKey = configuration.passwordChecks.verifierKeyFile
        tlsCertificate = configuration.tls?.certificateFile
        tlsKey = configuration.tls?.keyFile
        metrics = configuration.metricsListener.map { "\($0.host):\($0.port)" }
        self.database = database.map { Self.withoutPassword($0.url) }
        databasePoolSize = database?.poolSize
        self.logFormat = logFormat
        self.logLevel = logLevel
    }

    /// `postgres://tern:secret@db/tern` as `postgres://tern:********@db/tern`.
    private static func withoutPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = masked
        return components.string ?? masked
    }
}
