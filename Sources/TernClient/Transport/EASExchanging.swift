public import ActiveSync
public import WBXML

/// What a session needs of its transport: one command out, its answer back. `EASTransport`
/// is the real one; tests put a lossy one in front of it to exercise the resend.
public protocol EASExchanging: Sendable {
    /// POSTs `command` with `body` and returns the decoded answer (nil when empty), or throws
    /// a `ClientError`. `timeout` bounds the whole exchange; a held Ping needs more than most.
    func send(
        _ command: Command, body: WBXMLElement?, version: ProtocolVersion, policyKey: UInt32?, timeout: Duration
    ) async throws -> WBXMLElement?

    /// Ends the connections.
    func shutdown() async throws
}

extension EASExchanging {
    /// The bound of an exchange that the server answers at once.
    public static var defaultTimeout: Duration { .seconds(120) }
}

extension EASTransport: EASExchanging {}
