/// Where the metrics listener listens (`tern serve --metrics HOST:PORT`), e.g. 127.0.0.1:9090.
public struct MetricsListener: Hashable, Sendable {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}
