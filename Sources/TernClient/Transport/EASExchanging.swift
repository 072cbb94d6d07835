public import ActiveSync
public import WBXML

/// What a session needs of its transport: one command out, its answer back. `EASTransport`
/// is the real one; tests put a lossy one in front of it to exercise the resend.
public protocol EASExchanging: Sendable {
    /// POSTs `command` with `body` and returns the decoded answer (nil when empty), or throws
    /// a `ClientError`.
    func send(_ command: Command, body: WBXMLElement?, version: ProtocolVersion, policyKey: UInt32?) async throws -> WBXMLElement?

    /// Ends the connections.
    func shutdown() async throws
}

extension EASTransport: EASExchanging {
    public func send(_ command: Command, body: WBXMLElement?, version: ProtocolVersion, policyKey: UInt32?) async throws -> WBXMLElement? {
        try await send(command, body: body, version: version, policyKey: policyKey, timeout: .seconds(120))
    }
}
