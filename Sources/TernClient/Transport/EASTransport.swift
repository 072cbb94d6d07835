public import ActiveSync
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
public import WBXML

/// HTTP for one device account: OPTIONS, and commands POSTed as WBXML with Basic auth
/// (MS-ASHTTP 2.2.1 and 2.2.4).
///
/// ```
/// POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=anna&DeviceId=tern1&DeviceType=TernDevice
/// MS-ASProtocolVersion: 16.1
/// X-MS-PolicyKey: 1307199584
/// Content-Type: application/vnd.ms-sync.wbxml
/// ```
///
/// Answers that mean "not now" come back as a thrown `ClientError`: 401 is `.authentication`;
/// 449 and common Status 142-144 `.provisioningRequired`; 140 `.remoteWipeRequested`; 403 and
/// 129 `.policy`; a broken connection `.network`. Call `shutdown()` when done.
public final class EASTransport: Sendable {
    public let account: DeviceAccount
    private let password: String
    private let client: HTTPClient

    /// Sent as `User-Agent` on every request.
    public static let userAgent = "Tern-Device/1"
    /// The largest response body read; a bigger one is a server error.
    public static let maxResponseBytes = 64 << 20
    static let wbxmlType = "application/vnd.ms-sync.wbxml"

    public init(account: DeviceAccount, password: String) {
        self.account = account
        self.password = password
        let configuration =
            account.insecure
            ? HTTPClient.Configuration(certificateVerification: CertificateVerification.none)
            : HTTPClient.Configuration()
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// The versions the server lists in `MS-ASProtocolVersions` on OPTIONS (MS-ASHTTP 2.2.4.1.2.2),
    /// oldest first; values that are not `major.minor` are skipped.
    public func supportedVersions() async throws -> [ProtocolVersion] {
        var request = HTTPClientRequest(url: account.endpoint.absoluteString)
        request.method = .OPTIONS
        addCommonHeaders(to: &request)
        let response = try await execute(request)
        try Self.checkHTTPStatus(response.status)
        let listed = response.headers["MS-ASProtocolVersions"].joined(separator: ",")
        return listed.split(separator: ",").compactMap { ProtocolVersion($0.trimmingCharacters(in: .whitespaces)) }
            .sorted()
    }

    /// POSTs `command` with `body` (none for an empty Sync) and returns the decoded answer,
    /// nil for an empty one. `timeout` bounds the whole exchange; a held Ping needs more than
    /// the default.
    public func send(
        _ command: Command, body: WBXMLElement?, version: ProtocolVersion, policyKey: UInt32?, timeout: Duration
    ) async throws -> WBXMLElement? {
        let line: RequestLine
        do {
            line = try RequestLine(
                command: command, user: account.user, deviceID: account.deviceID, deviceType: account.deviceType,
                protocolVersion: version, policyKey: policyKey)
        } catch {
            throw ClientError(.usage, "cannot form the request: \(error)")
        }
        var request: HTTPClientRequest
        switch account.queryForm {
        case .plain:
            request = HTTPClientRequest(url: account.endpoint.absoluteString + "?" + line.plainQuery())
            request.headers.add(name: "MS-ASProtocolVersion", value: version.description)
            request.headers.add(name: "X-MS-PolicyKey", value: String(policyKey ?? 0))
        case .base64:
            let escaped = line.base64Query().replacing("+", with: "%2B").replacing("/", with: "%2F").replacing(
                "=", with: "%3D")
            request = HTTPClientRequest(url: account.endpoint.absoluteString + "?" + escaped)
        }
        request.method = .POST
        addCommonHeaders(to: &request)
        if let body {
            let bytes: [UInt8]
            do {
                bytes = try WBXMLEncoder().encode(body)
            } catch {
                throw ClientError(.usage, "cannot encode the \(command) request: \(error)")
            }
            request.headers.add(name: "Content-Type", value: Self.wbxmlType)
            request.body = .bytes(ByteBuffer(bytes: bytes))
        }
        let response = try await execute(request, timeout: TimeAmount(timeout))
        try Self.checkHTTPStatus(response.status, command: command)
        let buffer: ByteBuffer
        do {
            buffer = try await response.body.collect(upTo: Self.maxResponseBytes)
        } catch {
            throw ClientError(.network, "the \(command) response broke off: \(error)")
        }
        guard buffer.readableBytes > 0 else { return nil }
        let root: WBXMLElement
        do {
            root = try WBXMLDecoder().decode(Array(buffer.readableBytesView)).root
        } catch {
            throw ClientError(.server, "the \(command) response is not valid WBXML: \(error)")
        }
        try Self.checkCommonStatus(root, command: command)
        return root
    }

    private func addCommonHeaders(to request: inout HTTPClientRequest) {
        let credentials = Data("\(account.user):\(password)".utf8).base64EncodedString()
        request.headers.add(name: "Authorization", value: "Basic \(credentials)")
        request.headers.add(name: "User-Agent", value: Self.userAgent)
    }

    private func execute(_ request: HTTPClientRequest, timeout: TimeAmount = .seconds(60)) async throws
        -> HTTPClientResponse
    {
        do {
            return try await client.execute(request, timeout: timeout)
        } catch {
            throw ClientError(.network, "cannot reach \(account.endpoint.host() ?? "the server"): \(error)")
        }
    }

    /// The bare HTTP answers of MS-ASHTTP 2.2.2 that a device acts on; 501 names the command
    /// the server does not implement.
    static func checkHTTPStatus(_ status: HTTPResponseStatus, command: Command? = nil) throws {
        switch status.code {
        case 200: return
        case 501:
            throw ClientError(
                .server, "the server does not implement \(command?.rawValue ?? "this request") (HTTP 501)")
        case 401: throw ClientError(.authentication, "the server refused the user name or password")
        case 403: throw ClientError(.policy, "the server refuses this device (blocked, or wiped)")
        case 449: throw ClientError(.provisioningRequired, "the server wants the device provisioned again")
        default: throw ClientError(.server, "the server answered HTTP \(status.code) \(status.reasonPhrase)")
        }
    }

    /// A top-level `Status` of 100 or more is a common status (MS-ASCMD 2.2.2): the command's
    /// own status values are all below 100.
    static func checkCommonStatus(_ root: WBXMLElement, command: Command) throws {
        guard let statusTag = StatusOnlyResponse.statusTag(of: root.tag),
            let code = root.firstElement(statusTag)?.text.flatMap({ Int($0) }), code >= 100
        else {
            return
        }
        let status = CommonStatus(rawValue: code)
        switch status {
        case .remoteWipeRequested:
            throw ClientError(.remoteWipeRequested, "the server asks for a remote wipe", status: status)
        case .deviceNotProvisioned, .policyRefresh, .invalidPolicyKey:
            throw ClientError(
                .provisioningRequired, "the server wants the device provisioned again (\(status))", status: status)
        case .deviceIsBlockedForThisUser:
            throw ClientError(.policy, "the server blocks this device for this user", status: status)
        default:
            throw ClientError(.server, "the server answered \(command) with \(status)", status: status)
        }
    }
}
