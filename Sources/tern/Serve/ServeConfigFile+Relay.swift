import Foundation
import TernServer

extension ServeConfigFile {
    /// The `relay` object: the smarthost mail for other servers goes to, and the queue's timing.
    ///
    /// ```json
    /// "relay": {"url": "smtp://smtp.example.com:587", "username": "tern", "password": "…", "requireTLS": true,
    ///           "trustRoots": "/etc/ssl/private-ca.pem", "heloName": "mail.example.com",
    ///           "retry": {"min": 300, "max": 4000}, "lifetime": 432000}
    /// ```
    struct Relay: Decodable, Equatable {
        var url: String?
        var username: String?
        var password: String?
        var requireTLS: Bool?
        var trustRoots: String?
        var heloName: String?
        /// Seconds before the first retry, and the longest wait between two.
        var retry: Bounds?
        /// Seconds a message is retried before it bounces.
        var lifetime: Int?

        /// A relay of which nothing is set yet.
        init() {}

        init(from decoder: any Decoder) throws {
            try refuseUnknownKeys(decoder, known: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            url = try container.decodeIfPresent(String.self, forKey: .url)
            username = try container.decodeIfPresent(String.self, forKey: .username)
            password = try container.decodeIfPresent(String.self, forKey: .password)
            requireTLS = try container.decodeIfPresent(Bool.self, forKey: .requireTLS)
            trustRoots = try container.decodeIfPresent(String.self, forKey: .trustRoots)
            heloName = try container.decodeIfPresent(String.self, forKey: .heloName)
            retry = try container.decodeIfPresent(Bounds.self, forKey: .retry)
            lifetime = try container.decodeIfPresent(Int.self, forKey: .lifetime)
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case url, username, password, requireTLS, trustRoots, heloName, retry, lifetime
        }

        /// Why these settings cannot be used, or nil.
        var problem: String? {
            if let url, RelayConfiguration(url: url) == nil { return "relay.url takes smtp://HOST[:PORT]" }
            if (username == nil) != (password == nil) { return "relay needs both username and password, or neither" }
            if let heloName, heloName.isEmpty || heloName.contains(where: { $0.isWhitespace || !$0.isASCII }) {
                return "relay.heloName is not a host name"
            }
            if let min = retry?.min, min < 1 { return "relay.retry.min is below 1 second" }
            if let min = retry?.min, let max = retry?.max, max < min {
                return "relay.retry.max is below relay.retry.min"
            }
            if let lifetime, lifetime < 1 { return "relay.lifetime is below 1 second" }
            return nil
        }
    }

    /// The relay at `url` (the command line's, else the file's), with the file's settings;
    /// nil when neither names one.
    func relayConfiguration(url commandLineURL: String?) -> RelayConfiguration? {
        guard let url = commandLineURL ?? relay?.url, var configuration = RelayConfiguration(url: url) else {
            return nil
        }
        guard let relay else { return configuration }
        if let username = relay.username, let password = relay.password {
            configuration.credentials = .init(username: username, password: password)
        }
        if let requireTLS = relay.requireTLS { configuration.requireTLS = requireTLS }
        configuration.trustRootsFile = relay.trustRoots
        if let heloName = relay.heloName { configuration.heloName = heloName }
        if let min = relay.retry?.min { configuration.minBackoff = TimeInterval(min) }
        if let max = relay.retry?.max { configuration.maxBackoff = TimeInterval(max) }
        configuration.maxBackoff = Swift.max(configuration.maxBackoff, configuration.minBackoff)
        if let lifetime = relay.lifetime { configuration.lifetime = TimeInterval(lifetime) }
        return configuration
    }
}
