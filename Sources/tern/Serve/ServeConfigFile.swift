import Foundation
import Logging
import TernAuth
import TernServer

/// The JSON file `tern serve --config FILE` reads; every key is optional and the command
/// line wins over the file:
///
/// ```json
/// {"listen": "127.0.0.1:8080", "lmtp": "127.0.0.1:2424", "relay": {"url": "smtp://smtp.example.com:587"},
///  "data": "./tern-data", "adminToken": "…",
///  "publicURL": "https://mail.example.com", "maxRequestBytes": 33554432,
///  "heartbeat": {"min": 60, "max": 3540}, "maxHeldPerUser": 50, "maxHeldTotal": 200000,
///  "maxConcurrentRequests": 64, "connections": {"headTimeout": 30, "idleTimeout": 120, "minBodyBytesPerSecond": 1024},
///  "autoblock": {"maxQuietRequestsPerMinute": 60, "requestRateBlockSeconds": 900, "maxUserAgentChangesPerDay": 2},
///  "passwordVerifierKey": "/etc/tern/verifier.key"}
/// ```
///
/// A key it does not know is refused rather than ignored, so that a typo (`"adminTocken"`)
/// does not silently leave a setting at its default.
struct ServeConfigFile: Decodable, Equatable {
    var listen: String?
    /// Where the LMTP listener listens, HOST:PORT; none without it.
    var lmtp: String?
    var data: String?
    var adminToken: String?
    var publicURL: String?
    var maxRequestBytes: Int?
    var heartbeat: Bounds?
    /// Caps on Pings and Syncs with Wait held at once, per user and in all.
    var maxHeldPerUser: Int?
    var maxHeldTotal: Int?
    /// How many requests are worked on at once; the rest wait their turn.
    var maxConcurrentRequests: Int?
    /// When slow and idle connections are closed: seconds, and bytes a second.
    var connections: Connections?
    /// The file of the key that spares a restart its bcrypt storm (mode 0600, 32+ bytes).
    var passwordVerifierKey: String?
    /// PEM files to speak HTTPS with: the certificate chain and its private key.
    var tlsCertificate: String?
    var tlsKey: String?
    /// Where `/metrics`, `/healthz` and `/readyz` are also served without credentials, HOST:PORT.
    var metrics: String?
    /// A PostgreSQL store shared by several servers, `postgres://USER@HOST/DB`, and the most
    /// connections its pool opens; without it the embedded SQLite store in `data`.
    var database: String?
    var databasePoolSize: Int?
    /// How the log is written (`text` or `json`) and its least level (`info`).
    var logFormat: LogFormat?
    var logLevel: String?

    struct Connections: Decodable, Equatable {
        var headTimeout: Int?
        var idleTimeout: Int?
        var minBodyBytesPerSecond: Int?

        init(from decoder: any Decoder) throws {
            try refuseUnknownKeys(decoder, known: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            headTimeout = try container.decodeIfPresent(Int.self, forKey: .headTimeout)
            idleTimeout = try container.decodeIfPresent(Int.self, forKey: .idleTimeout)
            minBodyBytesPerSecond = try container.decodeIfPresent(Int.self, forKey: .minBodyBytesPerSecond)
        }

        private enum CodingKeys: String, CodingKey, CaseIterable {
            case headTimeout, idleTimeout, minBodyBytesPerSecond
        }
    }

    /// When a misbehaving device is blocked by Tern itself.
    var autoblock: Autoblock?
    /// Where mail for other servers goes (`ServeConfigFile+Relay.swift`).
    var relay: Relay?

    struct Autoblock: Decodable, Equatable {
        var maxQuietRequestsPerMinute: Int?
        var requestRateBlockSeconds: Int?
        var maxUserAgentChangesPerDay: Int?

        init(from decoder: any Decoder) throws {
            try refuseUnknownKeys(decoder, known: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            maxQuietRequestsPerMinute = try container.decodeIfPresent(Int.self, forKey: .maxQuietRequestsPerMinute)
            requestRateBlockSeconds = try container.decodeIfPresent(Int.self, forKey: .requestRateBlockSeconds)
            maxUserAgentChangesPerDay = try container.decodeIfPresent(Int.self, forKey: .maxUserAgentChangesPerDay)
        }

        private enum CodingKeys: String, CodingKey, CaseIterable {
            case maxQuietRequestsPerMinute, requestRateBlockSeconds, maxUserAgentChangesPerDay
        }
    }

    /// A lower and an upper bound in seconds (the heartbeat, the relay's retry backoff).
    struct Bounds: Decodable, Equatable {
        var min: Int?
        var max: Int?

        init(from decoder: any Decoder) throws {
            try refuseUnknownKeys(decoder, known: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            min = try container.decodeIfPresent(Int.self, forKey: .min)
            max = try container.decodeIfPresent(Int.self, forKey: .max)
        }

        private enum CodingKeys: String, CodingKey, CaseIterable {
            case min, max
        }
    }

    /// No file: every setting at its default.
    init() {}

    init(from decoder: any Decoder) throws {
        try refuseUnknownKeys(decoder, known: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        listen = try container.decodeIfPresent(String.self, forKey: .listen)
        lmtp = try container.decodeIfPresent(String.self, forKey: .lmtp)
        data = try container.decodeIfPresent(String.self, forKey: .data)
        adminToken = try container.decodeIfPresent(String.self, forKey: .adminToken)
        publicURL = try container.decodeIfPresent(String.self, forKey: .publicURL)
        maxRequestBytes = try container.decodeIfPresent(Int.self, forKey: .maxRequestBytes)
        heartbeat = try container.decodeIfPresent(Bounds.self, forKey: .heartbeat)
        maxHeldPerUser = try container.decodeIfPresent(Int.self, forKey: .maxHeldPerUser)
        maxHeldTotal = try container.decodeIfPresent(Int.self, forKey: .maxHeldTotal)
        maxConcurrentRequests = try container.decodeIfPresent(Int.self, forKey: .maxConcurrentRequests)
        connections = try container.decodeIfPresent(Connections.self, forKey: .connections)
        passwordVerifierKey = try container.decodeIfPresent(String.self, forKey: .passwordVerifierKey)
        tlsCertificate = try container.decodeIfPresent(String.self, forKey: .tlsCertificate)
        tlsKey = try container.decodeIfPresent(String.self, forKey: .tlsKey)
        metrics = try container.decodeIfPresent(String.self, forKey: .metrics)
        database = try container.decodeIfPresent(String.self, forKey: .database)
        databasePoolSize = try container.decodeIfPresent(Int.self, forKey: .databasePoolSize)
        logFormat = try container.decodeIfPresent(LogFormat.self, forKey: .logFormat)
        logLevel = try container.decodeIfPresent(String.self, forKey: .logLevel)
        autoblock = try container.decodeIfPresent(Autoblock.self, forKey: .autoblock)
        relay = try container.decodeIfPresent(Relay.self, forKey: .relay)
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case listen, lmtp, data, adminToken, publicURL, maxRequestBytes, heartbeat, maxHeldPerUser, maxHeldTotal,
            maxConcurrentRequests
        case connections, autoblock, relay, passwordVerifierKey, tlsCertificate, tlsKey, metrics, logFormat, logLevel
        case database, databasePoolSize
    }

    /// Reads `path` (none: every key at its default), puts the `TERN_` environment variables
    /// over it and checks the result; any problem is one line, `tern: config PATH: ...`, and exit 1.
    static func load(_ path: String?, environment: [String: String]) throws -> ServeConfigFile {
        let place = path.map { "config \($0)" } ?? "environment"
        do {
            let file = try (path.map(decode) ?? ServeConfigFile()).overridden(by: environment)
            try file.check()
            return file
        } catch let error as Invalid {
            throw failure("\(place): \(error.message)")
        }
    }

    /// Reads `path` without checking its values; a file that cannot be read or is not the
    /// config's JSON is one line and exit 1.
    static func decode(_ path: String) throws -> ServeConfigFile {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw failure("config \(path): cannot read the file")
        }
        do {
            return try JSONDecoder().decode(ServeConfigFile.self, from: bytes)
        } catch let error as DecodingError {
            throw failure("config \(path): \(error.readableDescription)")
        }
    }

    /// A value of the right type that still cannot be used.
    struct Invalid: Error {
        let message: String
    }

    private func check() throws(Invalid) {
        if let first = problems.first { throw Invalid(message: first) }
    }

    /// Every setting of the right type that still cannot be used, one sentence each, in the
    /// order of the keys; empty when the file is good.
    var problems: [String] {
        var problems: [String] = []
        if let listen, ServeCommand.split(listen) == nil {
            problems.append("listen takes HOST:PORT, e.g. 0.0.0.0:8080")
        }
        if let lmtp, ServeCommand.split(lmtp) == nil { problems.append("lmtp takes HOST:PORT, e.g. 127.0.0.1:2424") }
        if let metrics, ServeCommand.split(metrics) == nil {
            problems.append("metrics takes HOST:PORT, e.g. 127.0.0.1:9090")
        }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            problems.append("logLevel takes trace, debug, info, notice, warning, error or critical")
        }
        if let data, data.isEmpty { problems.append("data is empty") }
        if let database, !(database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")) {
            problems.append("database takes postgres://USER[:PASSWORD]@HOST[:PORT]/DB")
        }
        if let databasePoolSize, databasePoolSize < 1 { problems.append("databasePoolSize is below 1") }
        if let problem = relay?.problem { problems.append(problem) }
        if let adminToken, adminToken.count < 16 { problems.append("adminToken is shorter than 16 characters") }
        if let publicURL {
            if URL(string: publicURL).map({ url in
                !["http", "https"].contains(url.scheme?.lowercased() ?? "") || url.host?.isEmpty != false
                    || url.query != nil || url.fragment != nil
            }) ?? true {
                problems.append("publicURL takes http(s)://HOST[:PORT], e.g. https://mail.example.com")
            }
        }
        if let maxRequestBytes, maxRequestBytes < 1 << 10 { problems.append("maxRequestBytes is below 1024") }
        for (name, value) in [
            ("maxHeldPerUser", maxHeldPerUser), ("maxHeldTotal", maxHeldTotal),
            ("maxConcurrentRequests", maxConcurrentRequests),
        ] {
            if let value, value < 1 { problems.append("\(name) is below 1") }
        }
        for (name, value) in [("headTimeout", connections?.headTimeout), ("idleTimeout", connections?.idleTimeout)] {
            if let value, value < 1 { problems.append("connections.\(name) is below 1 second") }
        }
        if let rate = connections?.minBodyBytesPerSecond, rate < 1 {
            problems.append("connections.minBodyBytesPerSecond is below 1")
        }
        if let rate = autoblock?.maxQuietRequestsPerMinute, rate < 0 {
            problems.append("autoblock.maxQuietRequestsPerMinute is below 0")
        }
        if let seconds = autoblock?.requestRateBlockSeconds, seconds < 1 {
            problems.append("autoblock.requestRateBlockSeconds is below 1")
        }
        if let changes = autoblock?.maxUserAgentChangesPerDay, changes < 1 {
            problems.append("autoblock.maxUserAgentChangesPerDay is below 1")
        }
        let bounds = heartbeatBounds
        if bounds.min < 1 || bounds.min > bounds.max {
            problems.append("heartbeat takes 1 <= min <= max (seconds), got min \(bounds.min), max \(bounds.max)")
        }
        if let passwordVerifierKey {
            do {
                _ = try PasswordVerifierKey(contentsOfFile: passwordVerifierKey)
            } catch {
                problems.append("passwordVerifierKey: \(error)")
            }
        }
        if (tlsCertificate == nil) != (tlsKey == nil) {
            problems.append("tlsCertificate and tlsKey go together")
        } else if let tlsCertificate, let tlsKey {
            do {
                _ = try TLSCertificates(TLSFiles(certificateFile: tlsCertificate, keyFile: tlsKey))
            } catch {
                problems.append("\(error)")
            }
        }
        if let roots = relay?.trustRoots, !FileManager.default.isReadableFile(atPath: roots) {
            problems.append("relay.trustRoots: cannot read \(roots)")
        }
        return problems
    }

    /// The server's configuration from this file, defaults filled in, with what the command
    /// line gives instead (it wins).
    func serverConfiguration(
        host: String, port: Int, schemaDirectory: String?, relay commandLineRelay: String?,
        passwordVerifierKey commandLineKey: String?, tls commandLineTLS: TLSFiles? = nil,
        metrics commandLineMetrics: String? = nil
    ) -> ServerConfiguration {
        var configuration = ServerConfiguration(
            host: host, port: port, maxRequestBytes: maxRequestBytes ?? ServerConfiguration().maxRequestBytes,
            schemaDirectory: schemaDirectory, adminToken: adminToken, publicURL: publicURL,
            minHeartbeat: heartbeatBounds.min, maxHeartbeat: heartbeatBounds.max)
        if let cap = maxHeldPerUser { configuration.maxHeldPerUser = cap }
        if let cap = maxHeldTotal { configuration.maxHeldTotal = cap }
        if let cap = maxConcurrentRequests { configuration.maxConcurrentRequests = cap }
        configuration.connectionLimits = connectionLimits
        configuration.autoblock = autoblockLimits
        configuration.relay = relayConfiguration(url: commandLineRelay)
        configuration.passwordChecks.verifierKeyFile = commandLineKey ?? passwordVerifierKey
        configuration.tls =
            commandLineTLS
            ?? tlsCertificate.flatMap { certificate in
                tlsKey.map { TLSFiles(certificateFile: certificate, keyFile: $0) }
            }
        configuration.metricsListener = (commandLineMetrics ?? metrics).flatMap(ServeCommand.split).map {
            MetricsListener(host: $0.host, port: $0.port)
        }
        return configuration
    }

    /// The connection limits, defaults filled in.
    var connectionLimits: ConnectionLimits {
        var limits = ConnectionLimits()
        if let seconds = connections?.headTimeout { limits.headTimeout = .seconds(seconds) }
        if let seconds = connections?.idleTimeout { limits.idleTimeout = .seconds(seconds) }
        if let rate = connections?.minBodyBytesPerSecond { limits.minBodyBytesPerSecond = rate }
        return limits
    }

    /// The autoblock limits, defaults filled in.
    var autoblockLimits: AutoblockLimits {
        var limits = AutoblockLimits()
        if let rate = autoblock?.maxQuietRequestsPerMinute { limits.maxQuietRequestsPerMinute = rate }
        if let seconds = autoblock?.requestRateBlockSeconds { limits.requestRateBlock = .seconds(seconds) }
        if let changes = autoblock?.maxUserAgentChangesPerDay { limits.maxUserAgentChanges = changes }
        return limits
    }

    /// The heartbeat bounds in seconds, defaults filled in.
    var heartbeatBounds: (min: Int, max: Int) {
        let defaults = ServerConfiguration()
        return (heartbeat?.min ?? defaults.minHeartbeat, heartbeat?.max ?? defaults.maxHeartbeat)
    }
}

/// Throws a `DecodingError` naming the first key of the object being decoded that is not in `Keys`.
func refuseUnknownKeys<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, known: Keys.Type) throws {
    let container = try decoder.container(keyedBy: AnyKey.self)
    let names = Set(Keys.allCases.map(\.stringValue))
    if let unknown = container.allKeys.map(\.stringValue).sorted().first(where: { !names.contains($0) }) {
        throw DecodingError.dataCorruptedError(
            forKey: AnyKey(stringValue: unknown), in: container,
            debugDescription: "unknown key (known: \(Keys.allCases.map(\.stringValue).joined(separator: ", ")))")
    }
}

/// Any key at all, to list what an object holds.
private struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
