public import Foundation

/// The SMTP relay (smarthost) that mail for other servers is handed to, and how long the
/// outbound queue keeps trying it.
public struct RelayConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The login for AUTH PLAIN or LOGIN; sent only over TLS, or to a loopback relay.
    public var credentials: Credentials?
    /// Whether a relay that does not offer STARTTLS is refused (the message stays queued).
    public var requireTLS: Bool
    /// A PEM file of the certificate authorities a relay's certificate is checked against,
    /// instead of the system's.
    public var trustRootsFile: String?
    /// The name this server gives itself in EHLO.
    public var heloName: String
    /// The first retry comes after `minBackoff`, each next one after twice as long, up to `maxBackoff`.
    public var minBackoff: TimeInterval
    public var maxBackoff: TimeInterval
    /// How long a message is retried before it bounces (Postfix's default: 5 days).
    public var lifetime: TimeInterval
    /// How often the queue is looked at besides when a message is queued: retries falling due,
    /// `tern queue retry` from another process.
    public var pollInterval: TimeInterval = 5

    public struct Credentials: Sendable, Equatable {
        public var username: String
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    public init(
        host: String, port: Int, credentials: Credentials? = nil, requireTLS: Bool = false,
        trustRootsFile: String? = nil, heloName: String = RelayConfiguration.localHostName,
        minBackoff: TimeInterval = 300,
        maxBackoff: TimeInterval = 4_000, lifetime: TimeInterval = 5 * 86_400
    ) {
        self.host = host
        self.port = port
        self.credentials = credentials
        self.requireTLS = requireTLS
        self.trustRootsFile = trustRootsFile
        self.heloName = heloName
        self.minBackoff = minBackoff
        self.maxBackoff = maxBackoff
        self.lifetime = lifetime
    }

    /// The relay an `smtp://HOST:PORT` URL names (port 25 when left out); nil for anything else.
    public init?(url: String) {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "smtp",
            let host = components.host, !host.isEmpty, components.path.isEmpty || components.path == "/",
            components.query == nil, components.user == nil
        else { return nil }
        let port = components.port ?? 25
        guard (1...65535).contains(port) else { return nil }
        self.init(host: host, port: port)
    }

    /// The delay before attempt `attempts + 1` of a message that failed `attempts` times.
    public func backoff(afterAttempts attempts: Int) -> TimeInterval {
        let doublings = Double(max(0, min(attempts - 1, 30)))
        return min(maxBackoff, minBackoff * pow(2, doublings))
    }

    /// This machine's name, as `hostname` gives it, or `localhost` when it has none usable in EHLO.
    public static var localHostName: String {
        let name = ProcessInfo.processInfo.hostName
        let usable =
            !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        return usable ? name : "localhost"
    }

    /// Whether the relay is on this machine, where a password may go without TLS: `localhost`,
    /// `::1` or an IPv4 address in 127.0.0.0/8.
    var isLoopback: Bool {
        if host.lowercased() == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        return octets.count == 4 && !octets.contains(nil) && octets[0] == 127
    }

    /// Whether `host` is an IP address rather than a name (no server name is sent in TLS then).
    var hostIsAddress: Bool {
        host.contains(":") || host.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }
}
