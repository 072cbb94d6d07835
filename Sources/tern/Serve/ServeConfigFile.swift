import Foundation
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
        autoblock = try container.decodeIfPresent(Autoblock.self, forKey: .autoblock)
        relay = try container.decodeIfPresent(Relay.self, forKey: .relay)
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case listen, lmtp, data, adminToken, publicURL, maxRequestBytes, heartbeat, maxHeldPerUser, maxHeldTotal,
            maxConcurrentRequests
        case connections, autoblock, relay, passwordVerifierKey
    }

    /// Reads and checks `path`; any problem is one line, `tern: config PATH: ...`, and exit 1.
    static func load(_ path: String) throws -> ServeConfigFile {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw failure("config \(path): cannot read the file")
        }
        do {
            let file = try JSONDecoder().decode(ServeConfigFile.self, from: bytes)
            try file.check()
            return file
        } catch let error as DecodingError {
            throw failure("config \(path): \(error.readableDescription)")
        } catch let error as ServeConfigFile.Invalid {
            throw failure("config \(path): \(error.message)")
        }
    }

    /// A value of the right type that still cannot be used.
    struct Invalid: Error {
        let message: String
    }

    private func check() throws(Invalid) {
        if let listen, ServeCommand.split(listen) == nil {
            throw Invalid(message: "listen takes HOST:PORT, e.g. 0.0.0.0:8080")
        }
        if let lmtp, ServeCommand.split(lmtp) == nil {
            throw Invalid(message: "lmtp takes HOST:PORT, e.g. 127.0.0.1:2424")
        }
        if let data, data.isEmpty { throw Invalid(message: "data is empty") }
        if let problem = relay?.problem { throw Invalid(message: problem) }
        if let adminToken, adminToken.count < 16 { throw Invalid(message: "adminToken is shorter than 16 characters") }
        if let publicURL {
            guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host?.isEmpty == false, url.query == nil, url.fragment == nil
            else { throw Invalid(message: "publicURL takes http(s)://HOST[:PORT], e.g. https://mail.example.com") }
        }
        if let maxRequestBytes, maxRequestBytes < 1 << 10 { throw Invalid(message: "maxRequestBytes is below 1024") }
        if let maxHeldPerUser, maxHeldPerUser < 1 { throw Invalid(message: "maxHeldPerUser is below 1") }
        if let maxHeldTotal, maxHeldTotal < 1 { throw Invalid(message: "maxHeldTotal is below 1") }
        if let maxConcurrentRequests, maxConcurrentRequests < 1 {
            throw Invalid(message: "maxConcurrentRequests is below 1")
        }
        for (name, value) in [("headTimeout", connections?.headTimeout), ("idleTimeout", connections?.idleTimeout)] {
            if let value, value < 1 { throw Invalid(message: "connections.\(name) is below 1 second") }
        }
        if let rate = connections?.minBodyBytesPerSecond, rate < 1 {
            throw Invalid(message: "connections.minBodyBytesPerSecond is below 1")
        }
        if let rate = autoblock?.maxQuietRequestsPerMinute, rate < 0 {
            throw Invalid(message: "autoblock.maxQuietRequestsPerMinute is below 0")
        }
        if let seconds = autoblock?.requestRateBlockSeconds, seconds < 1 {
            throw Invalid(message: "autoblock.requestRateBlockSeconds is below 1")
        }
        if let changes = autoblock?.maxUserAgentChangesPerDay, changes < 1 {
            throw Invalid(message: "autoblock.maxUserAgentChangesPerDay is below 1")
        }
        let bounds = heartbeatBounds
        guard bounds.min >= 1, bounds.min <= bounds.max else {
            throw Invalid(
                message: "heartbeat takes 1 <= min <= max (seconds), got min \(bounds.min), max \(bounds.max)")
        }
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
