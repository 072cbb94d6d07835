public import ActiveSync

/// Why a device operation failed: a kind the command line maps to an exit code, and one
/// readable sentence. Passwords and policy keys never appear in the message.
public struct ClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of failure a caller tells apart.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The server refused the credentials (HTTP 401).
        public static let authentication = Kind("authentication")
        /// The server wants the device provisioned again (HTTP 449, Status 142-144).
        public static let provisioningRequired = Kind("provisioning required")
        /// The server asks for a remote wipe (Status 140); Provision delivers it.
        public static let remoteWipeRequested = Kind("remote wipe requested")
        /// The device or user is blocked (HTTP 403, Status 129), or the policy was refused.
        public static let policy = Kind("policy")
        /// This profile's local data was wiped, on the server's order or after too many wrong PINs.
        public static let wiped = Kind("wiped")
        /// The PIN is needed to open the data key: `pin unlock` (or it was wrong).
        public static let locked = Kind("locked")
        /// The policy asks for a PIN, or a stronger one, before the device may acknowledge it;
        /// or a PIN offered breaks it.
        public static let pinRequired = Kind("PIN required")
        /// The server could not be reached or the connection broke before an answer.
        public static let network = Kind("network")
        /// The server answered, but not with what the protocol says (a bad status or body).
        public static let server = Kind("server")
        /// The caller asked for something that does not exist or cannot be done here.
        public static let usage = Kind("usage")

        public var description: String { name }
    }

    public let kind: Kind
    public let message: String
    /// The common status the server sent, when that is what the failure came from.
    public let status: CommonStatus?

    public init(_ kind: Kind, _ message: String, status: CommonStatus? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
    }

    public var description: String { message }
}
