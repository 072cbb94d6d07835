/// How long a connection may take to send its requests before it is closed, so that clients
/// that send nothing, or send slowly, cannot hold every descriptor the server has. A held
/// Ping or Sync with Wait is not idle: it keeps its connection for its heartbeat.
public struct ConnectionLimits: Hashable, Sendable {
    /// The longest a request head may take, from its first byte (or from the connection's
    /// opening, for its first request) to its blank line.
    public var headTimeout: Duration
    /// The longest a kept-alive connection may sit between requests.
    public var idleTimeout: Duration
    /// The slowest a body may arrive: past `headTimeout` after its head, a body must have
    /// come at this many bytes a second on average, or the connection is closed.
    public var minBodyBytesPerSecond: Int

    public init(
        headTimeout: Duration = .seconds(30), idleTimeout: Duration = .seconds(120), minBodyBytesPerSecond: Int = 1024
    ) {
        self.headTimeout = headTimeout
        self.idleTimeout = idleTimeout
        self.minBodyBytesPerSecond = minBodyBytesPerSecond
    }
}
