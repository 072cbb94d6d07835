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

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxRequestBytes: Int = 32 << 20, schemaDirectory: String? = nil,
        adminToken: String? = nil, publicURL: String? = nil, minHeartbeat: Int = 60, maxHeartbeat: Int = 3540
    ) {
        self.host = host
        self.port = port
        self.maxRequestBytes = maxRequestBytes
        self.schemaDirectory = schemaDirectory
        self.adminToken = adminToken
        self.publicURL = publicURL
        self.minHeartbeat = minHeartbeat
        self.maxHeartbeat = maxHeartbeat
    }
}
