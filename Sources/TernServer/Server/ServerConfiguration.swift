/// How `tern serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The largest request body read, checked before decoding (DESIGN.md, bad input).
    public var maxRequestBytes: Int
    /// Where `ActiveSync.xsd` lives; XML-form requests are validated against it when set.
    public var schemaDirectory: String?
    /// The bearer token of the admin HTTP API; without one the API is not served at all.
    public var adminToken: String?
    /// The address devices reach this server at (`https://mail.example.com`), which
    /// autodiscover hands out; without it autodiscover answers with the request's Host.
    public var publicURL: String?
    /// The heartbeat bounds, in seconds, a held Ping or Sync Wait may ask for (MS-ASCMD 2.2.3.84.1).
    public var minHeartbeat: Int
    public var maxHeartbeat: Int
    /// The most folders one Ping may watch (more gets Status 6 with MaxFolders).
    public var maxPingFolders: Int
    /// Held Pings and Syncs with Wait allowed per user and in all; past either cap a Ping gets
    /// Status 8 and a Sync Status 5, both "transient server error, retry" (MS-ASCMD 2.2.3.177).
    public var maxHeldPerUser: Int
    public var maxHeldTotal: Int
    /// The listening socket's accept backlog: a reconnect storm of many held Pings arrives at once.
    public var backlog: Int
    /// How many requests are worked on at once; more wait their turn (held ones do not count).
    public var maxConcurrentRequests: Int
    /// When slow or idle connections are closed.
    public var connectionLimits: ConnectionLimits
    /// The password verifier key and the bounds on bcrypt work.
    public var passwordChecks = PasswordCheckLimits()
    /// Where traced devices' files go (`tern device trace`); nil writes none.
    public var traceDirectory: String?
    /// The certificate and key files to speak HTTPS with; nil speaks plain HTTP (behind a proxy).
    public var tls: TLSFiles?
    /// When Tern blocks a misbehaving device by itself.
    public var autoblock: AutoblockLimits
    /// The bounds of a message a device sends.
    public var submission: SubmissionLimits
    /// Where mail for other servers goes; without a relay it is refused (Status 116).
    public var relay: RelayConfiguration?
    /// A listener of its own for `/metrics`, `/healthz` and `/readyz`, without credentials;
    /// without one `/metrics` is served on the EAS listener to the admin token only.
    public var metricsListener: MetricsListener?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxRequestBytes: Int = 32 << 20, schemaDirectory: String? = nil,
        adminToken: String? = nil, publicURL: String? = nil, minHeartbeat: Int = 60, maxHeartbeat: Int = 3540,
        maxPingFolders: Int = 300, maxHeldPerUser: Int = 50, maxHeldTotal: Int = 200_000, backlog: Int = 4096,
        maxConcurrentRequests: Int = 64, connectionLimits: ConnectionLimits = ConnectionLimits(),
        autoblock: AutoblockLimits = AutoblockLimits(), submission: SubmissionLimits = SubmissionLimits(),
        relay: RelayConfiguration? = nil
    ) {
        self.host = host
        self.port = port
        self.maxRequestBytes = maxRequestBytes
        self.schemaDirectory = schemaDirectory
        self.adminToken = adminToken
        self.publicURL = publicURL
        self.minHeartbeat = minHeartbeat
        self.maxHeartbeat = maxHeartbeat
        self.maxPingFolders = maxPingFolders
        self.maxHeldPerUser = maxHeldPerUser
        self.maxHeldTotal = maxHeldTotal
        self.backlog = backlog
        self.maxConcurrentRequests = maxConcurrentRequests
        self.connectionLimits = connectionLimits
        self.autoblock = autoblock
        self.submission = submission
        self.relay = relay
    }
}
