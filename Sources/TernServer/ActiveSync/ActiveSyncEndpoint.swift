import ActiveSync
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SchemaValidation
import TernStore
import WBXML

/// `/Microsoft-Server-ActiveSync`: OPTIONS, and POST through auth, the device record, the
/// policy gate and a command handler, answering in the request's own body form.
struct ActiveSyncEndpoint: Sendable {
    let store: any Store
    let configuration: ServerConfiguration
    let validator: SchemaValidator?
    let authenticator: Authenticator
    let hub: PushHub

    static let path = "Microsoft-Server-ActiveSync"

    /// OPTIONS: the versions and commands this server speaks (MS-ASHTTP 2.2.4).
    func options() -> Response {
        var headers = HTTPFields()
        headers[.allow] = "OPTIONS,POST"
        headers[Self.field("MS-Server-ActiveSync")] = "16.1"
        headers[Self.field("MS-ASProtocolVersions")] = ProtocolVersion.supported.map(\.description).joined(separator: ",")
        headers[Self.field("MS-ASProtocolCommands")] = Command.advertised.map(\.rawValue).joined(separator: ",")
        headers[.cacheControl] = "private"
        return Response(status: .ok, headers: headers)
    }

    func post(_ request: Request, clientAddress: String?, logger: Logger) async -> Response {
        let started = ContinuousClock.now
        var logged: (user: String, device: String, command: String) = ("-", "-", "-")
        let response: Response
        do {
            response = try await handle(request, clientAddress: clientAddress, logged: &logged)
        } catch let refusal as HTTPRefusal {
            response = Response(status: .init(code: refusal.status), headers: refusal.headers)
        } catch {
            logger.error("request failed", metadata: ["user": "\(logged.user)", "device": "\(logged.device)", "error": "\(error)"])
            response = Response(status: .serviceUnavailable)
        }
        let elapsed = (ContinuousClock.now - started).components
        let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
        logger.info("eas", metadata: [
            "user": "\(logged.user)", "device": "\(logged.device)", "command": "\(logged.command)",
            "status": "\(response.status.code)", "ms": "\(milliseconds)",
        ])
        return response
    }

    private func handle(
        _ request: Request, clientAddress: String?, logged: inout (user: String, device: String, command: String)
    ) async throws -> Response {
        let line: RequestLine
        do {
            line = try RequestLine(query: request.uri.query ?? "")
        } catch {
            throw HTTPRefusal(status: 400)
        }
        logged.command = line.command.rawValue
        logged.device = line.deviceID
        guard let credentials = BasicCredentials(authorization: request.headers[.authorization]),
            let user = try await authenticate(credentials, from: clientAddress)
        else {
            throw HTTPRefusal(status: 401, headers: [.wwwAuthenticate: "Basic realm=\"Tern\""])
        }
        logged.user = user.login
        let versionText = request.headers[Self.field("MS-ASProtocolVersion")]
        guard let version = versionText.flatMap({ ProtocolVersion($0) }) ?? line.protocolVersion,
            ProtocolVersion.supported.contains(version)
        else { throw HTTPRefusal(status: 400) }
        guard let form = BodyForm(contentType: request.headers[.contentType]) else { throw HTTPRefusal(status: 415) }

        let bytes = try await readBody(request)
        var body: WBXMLElement?
        if !bytes.isEmpty {
            do {
                body = try form.decode(bytes, maxBytes: configuration.maxRequestBytes)
                if form == .xml, let validator, let root = body { try validator.validate(root) }
            } catch {
                throw HTTPRefusal(status: 400)
            }
        }
        let device = try await recordDevice(line: line, user: user, version: version, userAgent: request.headers[.userAgent])
        let policyKey = request.headers[Self.field("X-MS-PolicyKey")].flatMap { UInt32($0) } ?? line.policyKey
        var easRequest = EASRequest(line: line, user: user, device: device, protocolVersion: version, policyKey: policyKey, body: body)
        easRequest.acceptsMultipart = form == .wbxml && (line.acceptMultiPart || request.headers[Self.field("MS-ASAcceptMultiPart")] == "T")

        let answer: EASResponse
        if line.command == .provision {
            guard !device.isBlocked else { throw HTTPRefusal(status: 403) }
            answer = try await ProvisionHandler(store: store).handle(easRequest)
        } else if let refusal = try await PolicyGate(store: store).refusal(for: easRequest) {
            answer = refusal
        } else {
            answer = try await dispatch(easRequest)
        }
        switch answer {
        case .httpStatus(let code):
            return Response(status: .init(code: code))
        case .document(let root):
            var headers = HTTPFields()
            headers[.contentType] = form.contentType
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try form.encode(root))))
        case .multipart(let root, let parts):
            var headers = HTTPFields()
            headers[.contentType] = MultipartBody.contentType
            let bytes = MultipartBody.encode([try form.encode(root)] + parts)
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    private func dispatch(_ request: EASRequest) async throws -> EASResponse {
        switch request.line.command {
        case .folderSync, .folderCreate, .folderUpdate, .folderDelete: try await FolderHierarchyHandler(store: store).handle(request)
        case .settings: try await SettingsHandler(store: store).handle(request)
        case .sync: try await SyncHandler(store: store, hub: hub, configuration: configuration).handle(request)
        case .ping: try await PingHandler(store: store, hub: hub, configuration: configuration).handle(request)
        case .getItemEstimate: try await GetItemEstimateHandler(store: store).handle(request)
        case .moveItems: try await MoveItemsHandler(store: store).handle(request)
        case .itemOperations: try await ItemOperationsHandler(store: store).handle(request)
        default: .httpStatus(501)
        }
    }

    private func authenticate(_ credentials: BasicCredentials, from clientAddress: String?) async throws -> User? {
        try await authenticator.authenticate(credentials, from: clientAddress)
    }

    private func readBody(_ request: Request) async throws -> [UInt8] {
        try await request.boundedBody(upTo: configuration.maxRequestBytes)
    }

    /// Loads the device, or records it the first time it is seen, and notes this request.
    private func recordDevice(line: RequestLine, user: User, version: ProtocolVersion, userAgent: String?) async throws -> Device {
        let now = Date()
        var device = try await store.device(of: user.id, deviceID: line.deviceID)
            ?? Device(id: 0, userID: user.id, deviceID: line.deviceID, deviceType: line.deviceType, firstSeen: now, lastSeen: now)
        device.lastSeen = now
        device.protocolVersion = version.description
        if let userAgent { device.information.userAgent = userAgent }
        return try await store.saveDevice(device)
    }

    static func field(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else { preconditionFailure("invalid header name \(name)") }
        return field
    }
}

/// A request refused with a bare HTTP status (401, 449, 403, 400, 413).
struct HTTPRefusal: Error {
    let status: Int
    var headers: HTTPFields = [:]
}

/// The status-only answer 14.0+ gives when the policy gate refuses a command
/// (MS-ASCMD 2.2.2): `<FolderSync xmlns="FolderHierarchy:"><Status>142</Status></FolderSync>`.
enum StatusOnlyResponse {
    static func root(for command: Command) -> WBXMLTag? {
        switch command {
        case .folderSync: WBXMLTag("FolderHierarchy", "FolderSync")
        case .folderCreate: WBXMLTag("FolderHierarchy", "FolderCreate")
        case .folderUpdate: WBXMLTag("FolderHierarchy", "FolderUpdate")
        case .folderDelete: WBXMLTag("FolderHierarchy", "FolderDelete")
        case .sync: WBXMLTag("AirSync", "Sync")
        case .ping: WBXMLTag("Ping", "Ping")
        case .getItemEstimate: WBXMLTag("GetItemEstimate", "GetItemEstimate")
        case .itemOperations: WBXMLTag("ItemOperations", "ItemOperations")
        case .settings: WBXMLTag("Settings", "Settings")
        case .search: WBXMLTag("Search", "Search")
        case .sendMail: WBXMLTag("ComposeMail", "SendMail")
        case .smartReply: WBXMLTag("ComposeMail", "SmartReply")
        case .smartForward: WBXMLTag("ComposeMail", "SmartForward")
        case .meetingResponse: WBXMLTag("MeetingResponse", "MeetingResponse")
        case .resolveRecipients: WBXMLTag("ResolveRecipients", "ResolveRecipients")
        case .validateCert: WBXMLTag("ValidateCert", "ValidateCert")
        case .find: WBXMLTag("Find", "Find")
        default: nil
        }
    }

    static func element(root: WBXMLTag, status: Int) -> WBXMLElement {
        WBXMLElement(root, elements: [WBXMLElement(WBXMLTag(root.namespace, "Status"), text: String(status))])
    }
}
