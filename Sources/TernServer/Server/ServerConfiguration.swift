/// How `tern serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The largest request body read, checked before decoding (DESIGN.md, bad input).
    public var maxRequestBytes: Int
    /// Where `ActiveSync.xsd` lives; XML-form requests are validated against it when set.
    public var schemaDirectory: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, maxRequestBytes: Int = 16 << 20, schemaDirectory: String? = nil) {
        self.host = host
        self.port = port
        self.maxRequestBytes = maxRequestBytes
        self.schemaDirectory = schemaDirectory
    }
}
