public import Foundation

/// Who this device is and where it talks to: what every request line and its headers carry.
///
/// Kept in `profile.json` (see `DeviceProfile`); the password is kept beside it, not here, so
/// that a value of this type can be printed or logged.
public struct DeviceAccount: Codable, Hashable, Sendable {
    /// The ActiveSync endpoint, `https://host/Microsoft-Server-ActiveSync`.
    public var endpoint: URL
    public var user: String
    /// `DeviceId`: 1 to 32 letters and digits (MS-ASHTTP 2.2.1.1.1.2.3).
    public var deviceID: String
    /// `DeviceType`, e.g. `TernDevice`.
    public var deviceType: String
    /// Accept any TLS certificate (a test server with a self-signed one).
    public var insecure: Bool
    /// Which query form requests use (MS-ASHTTP 2.2.1.1.1.1 and 2.2.1.1.1.2).
    public var queryForm: QueryForm

    public init(
        endpoint: URL, user: String, deviceID: String, deviceType: String, insecure: Bool = false,
        queryForm: QueryForm = .plain
    ) {
        self.endpoint = endpoint
        self.user = user
        self.deviceID = deviceID
        self.deviceType = deviceType
        self.insecure = insecure
        self.queryForm = queryForm
    }

    /// The endpoint for what a user types: a bare `https://host` gets the standard path
    /// `/Microsoft-Server-ActiveSync`; nil unless the scheme is http or https and a host is given.
    public static func endpoint(forServer text: String) -> URL? {
        guard var components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", components.host?.isEmpty == false
        else { return nil }
        if components.path.isEmpty || components.path == "/" { components.path = "/Microsoft-Server-ActiveSync" }
        components.query = nil
        return components.url
    }
}

/// The two ways a request line travels in the query (MS-ASHTTP 2.2.1.1.1).
public enum QueryForm: String, Codable, Hashable, Sendable, CaseIterable {
    /// `Cmd=Sync&User=anna&DeviceId=…&DeviceType=…`, version and policy key as headers.
    case plain
    /// One base64 value carrying the command, version, policy key and device.
    case base64
}
