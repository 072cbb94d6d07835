import Foundation

/// Environment variables over the config file: `TERN_` and a top-level key in capitals with
/// underscores (`TERN_ADMIN_TOKEN`, `TERN_LISTEN`, `TERN_MAX_HELD_TOTAL`) replaces that key's
/// value, so a container or a systemd unit can keep a secret out of the file. The command
/// line still wins over both. Nested settings (heartbeat, connections, autoblock, the relay's
/// credentials) are the file's alone, but `TERN_RELAY` sets the relay's URL.
extension ServeConfigFile {
    private static var textKeys: [(name: String, path: WritableKeyPath<ServeConfigFile, String?>)] {
        [
            ("listen", \.listen), ("lmtp", \.lmtp), ("data", \.data), ("adminToken", \.adminToken),
            ("publicURL", \.publicURL), ("passwordVerifierKey", \.passwordVerifierKey),
            ("tlsCertificate", \.tlsCertificate), ("tlsKey", \.tlsKey), ("metrics", \.metrics),
            ("logLevel", \.logLevel), ("database", \.database),
        ]
    }

    private static var numberKeys: [(name: String, path: WritableKeyPath<ServeConfigFile, Int?>)] {
        [
            ("maxRequestBytes", \.maxRequestBytes), ("maxHeldPerUser", \.maxHeldPerUser),
            ("maxHeldTotal", \.maxHeldTotal), ("maxConcurrentRequests", \.maxConcurrentRequests),
            ("databasePoolSize", \.databasePoolSize),
        ]
    }

    /// `maxHeldTotal` → `TERN_MAX_HELD_TOTAL`.
    static func environmentVariable(for key: String) -> String {
        "TERN_" + key.replacing(/[A-Z]+/) { "_" + $0.output }.uppercased()
    }

    /// This file with the variables of `environment` that are set in place of its values;
    /// throws one line naming a variable whose value is not of its key's type.
    func overridden(by environment: [String: String]) throws(Invalid) -> ServeConfigFile {
        var file = self
        for (name, path) in Self.textKeys {
            if let value = environment[Self.environmentVariable(for: name)] { file[keyPath: path] = value }
        }
        for (name, path) in Self.numberKeys {
            let variable = Self.environmentVariable(for: name)
            guard let value = environment[variable] else { continue }
            guard let number = Int(value) else { throw Invalid(message: "\(variable) is not a whole number: \(value)") }
            file[keyPath: path] = number
        }
        if let value = environment[Self.environmentVariable(for: "logFormat")] {
            guard let format = LogFormat(rawValue: value) else {
                throw Invalid(message: "TERN_LOG_FORMAT takes text or json")
            }
            file.logFormat = format
        }
        if let url = environment[Self.environmentVariable(for: "relay")] {
            var relay = file.relay ?? Relay()
            relay.url = url
            file.relay = relay
        }
        return file
    }
}
