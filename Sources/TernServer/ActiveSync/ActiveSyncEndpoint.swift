import ActiveSync
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SchemaValidation
import TernPush
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
    /// Bounds how many requests are worked on at once (`ServerConfiguration.maxConcurrentRequests`).
    let admission: AdmissionGate
    /// Each device's Pings and quiet Syncs of the last minute (`AutoblockLimits`).
    let quietRequests: QuietRequestRate
    /// The relay's queue, for mail to other servers; nil without a relay.
    let outbound: OutboundQueue?
    /// Traced devices' files (`ServerConfiguration.traceDirectory`); nil without a directory.
    let traceLog: DeviceTraceLog?
    let metrics: ServerMetrics

    static let path = "Microsoft-Server-ActiveSync"

    /// OPTIONS: the versions and commands this server speaks (MS-ASHTTP 2.2.4).
    func options() -> Response {
        var headers = Self.protocolLists
        headers[.allow] = "OPTIONS,POST"
        headers[Self.field("MS-Server-ActiveSync")] = "16.1"
        headers[Self.field("Public")] = "OPTIONS,POST"
        headers[.cacheControl] = "private"
        return Response(status: .ok, headers: headers)
    }

    /// MS-ASProtocolVersions and MS-ASProtocolCommands, which OPTIONS carries and a FolderSync
    /// from key 0 should (MS-ASHTTP 3.2.5.1): a client that starts over learns them again.
    static let protocolLists: HTTPFields = [
        field("MS-ASProtocolVersions"): ProtocolVersion.supported.map(\.description).joined(separator: ","),
        field("MS-ASProtocolCommands"): Command.advertised.map(\.rawValue).joined(separator: ","),
    ]

    /// Any other method: 501, which MS-ASHTTP 2.2.2.1.1 gives for a method the server does
    /// not support.
    func unsupportedMethod() -> Response {
        var headers = HTTPFields()
        headers[.allow] = "OPTIONS,POST"
        return Response(status: .notImplemented, headers: headers)
    }

    /// Handles a POST. The work runs in a task of its own, so the deep frames of handling a
    /// request are freed once it is answered. A held request leaves its answer to the
    /// connection (`ResponseDeferral`): it waits in the push hub with nothing but its answer
    /// closure, and the returned response is not written (see `HeldRequest`).
    func post(_ request: Request, context: TernRequestContext) async -> Response {
        let started = ContinuousClock.now
        let logger = context.logger
        let clientAddress = context.clientAddress
        let (outcome, log) = await Task {
            var log = RequestLog()
            let outcome = await answering(log: log, logger: logger) {
                try await handle(request, clientAddress: clientAddress, log: &log)
            }
            return (outcome, log)
        }.value
        guard case .held(let held, let form) = outcome else {
            return finish(outcome, log: log, started: started, held: false, logger: logger)
        }
        let hub = hub
        context.deferral.answerLater(
            ResponseDeferral.Wait(
                start: { deliver in
                    hub.whenWoken(held.ticket) { wake in
                        let woken = ContinuousClock.now
                        Task {
                            let outcome = await answering(log: log, logger: logger) {
                                try await admission.admit { try encode(try await held.answer(wake), as: form) }
                            }
                            let response = finish(outcome, log: log, started: started, held: true, logger: logger)
                            if wake.isPush { metrics.pushAnswered(afterWake: .now - woken) }
                            await deliver(response)
                        }
                    }
                },
                end: { hub.release(held.ticket) }))
        return Response(status: .accepted)
    }

    /// The response for what handling came to, logged and counted with how long it took (a
    /// `held` one's time is mostly its wait, which is not a request time).
    private func finish(
        _ outcome: Outcome, log: RequestLog, started: ContinuousClock.Instant, held: Bool, logger: Logger
    ) -> Response {
        let response: Response
        switch outcome {
        case .response(let answer):
            response = answer
        case .held:
            logger.error(
                "a held request was answered with another hold",
                metadata: ["user": "\(log.user)", "device": "\(log.device)"])
            response = Response(status: .serviceUnavailable)
        }
        let time = ContinuousClock.now - started
        metrics.requestAnswered(command: log.command, status: Int(response.status.code), time: held ? nil : time)
        let elapsed = time.components
        let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
        logger.info(
            "eas",
            metadata: [
                "user": "\(log.user)", "device": "\(log.device)", "command": "\(log.command)",
                "status": "\(response.status.code)", "ms": "\(milliseconds)",
            ])
        return response
    }

    /// Who asked what, for the request's log line.
    private struct RequestLog: Sendable {
        var user = "-"
        var device = "-"
        var command = "-"
    }

    /// What handling a request came to: a response, or a request the push hub holds.
    private enum Outcome: Sendable {
        case response(Response)
        case held(HeldRequest, BodyForm)
    }

    /// Runs `body`, answering a refusal with its HTTP status and any other error with 503.
    private func answering(log: RequestLog, logger: Logger, _ body: () async throws -> Outcome) async -> Outcome {
        do {
            return try await body()
        } catch let refusal as HTTPRefusal {
            return .response(Response(status: .init(code: refusal.status), headers: refusal.headers))
        } catch {
            logger.error(
                "request failed", metadata: ["user": "\(log.user)", "device": "\(log.device)", "error": "\(error)"])
            return .response(Response(status: .serviceUnavailable))
        }
    }

    private func handle(_ request: Request, clientAddress: String?, log: inout RequestLog) async throws -> Outcome {
        let line: RequestLine
        do {
            line = try RequestLine(query: request.uri.query ?? "")
        } catch {
            // MS-ASHTTP 2.2.2.1.1: a command the server does not know is 501, other bad
            // requests 400.
            throw HTTPRefusal(status: error.code == .unknownCommand ? 501 : 400)
        }
        log.command = line.command.rawValue
        log.device = line.deviceID
        guard let credentials = BasicCredentials(authorization: request.headers[.authorization]),
            let user = try await admission.admit({ try await authenticate(credentials, from: clientAddress) })
        else {
            throw HTTPRefusal(status: 401, headers: [.wwwAuthenticate: "Basic realm=\"Tern\""])
        }
        log.user = user.login
        let versionText = request.headers[Self.field("MS-ASProtocolVersion")]
        guard let version = versionText.flatMap({ ProtocolVersion($0) }) ?? line.protocolVersion,
            ProtocolVersion.supported.contains(version)
        else { throw HTTPRefusal(status: 400) }
        guard let form = BodyForm(contentType: request.headers[.contentType]) else { throw HTTPRefusal(status: 415) }

        // Reading the body waits on the client, so it stays outside the admission gate.
        let bytes = try await readBody(request)
        return try await admission.admit {
            try await respond(to: request, line: line, user: user, version: version, form: form, bytes: bytes)
        }
    }

    /// The rest of a request, once its body is in: the device record, the policy gate and
    /// the command's handler.
    private func respond(
        to request: Request, line: RequestLine, user: User, version: ProtocolVersion, form: BodyForm, bytes: [UInt8]
    ) async throws -> Outcome {
        var body: WBXMLElement?
        let composes: Set<Command> = [.sendMail, .smartReply, .smartForward]
        if form == .mime {
            guard composes.contains(line.command) else { throw HTTPRefusal(status: 415) }
        } else if !bytes.isEmpty {
            do {
                body = try form.decode(bytes, maxBytes: configuration.maxRequestBytes)
                if form == .xml, let validator, let root = body { try validator.validate(root) }
            } catch {
                throw HTTPRefusal(status: 400)
            }
        }
        let device = try await recordDevice(
            line: line, user: user, version: version, userAgent: request.headers[.userAgent])
        if let refusal = try await autoblockRefusal(for: device, command: line.command) { throw refusal }
        let policyKey = request.headers[Self.field("X-MS-PolicyKey")].flatMap { UInt32($0) } ?? line.policyKey
        var easRequest = EASRequest(
            line: line, user: user, device: device, protocolVersion: version, policyKey: policyKey, body: body)
        if form == .mime { easRequest.mimeBody = bytes }
        easRequest.acceptsMultipart =
            form == .wbxml && (line.acceptMultiPart || request.headers[Self.field("MS-ASAcceptMultiPart")] == "T")

        var answer: EASResponse
        do {
            if line.command == .provision {
                guard !device.isBlocked else { throw HTTPRefusal(status: 403) }
                answer = try await ProvisionHandler(store: store).handle(easRequest)
            } else if let refusal = try await PolicyGate(store: store).refusal(for: easRequest) {
                answer = refusal
            } else {
                answer = try await dispatch(easRequest)
            }
        } catch let refusal as any CommandRefusal {
            answer = try Self.answer(refusal, to: easRequest)
        }
        traceLog?.record(
            device, login: user.login, command: line.command.rawValue, version: version.description, request: body,
            mimeBytes: form == .mime ? bytes.count : nil, answer: answer)
        if Self.isQuiet(answer, of: line.command, request: body) { quietRequests.record(device.id) }
        var outcome = try encode(answer, as: form)
        if line.command == .folderSync, (try? easRequest.decodedBody(as: FolderSyncRequest.self))?.syncKey == "0",
            case .response(var response) = outcome
        {
            response.headers.append(contentsOf: Self.protocolLists)
            outcome = .response(response)
        }
        return outcome
    }

    /// 503 with Retry-After while the device is autoblocked (`AutoblockLimits`), unless a wipe
    /// is pending; a Ping or Sync of a device whose quiet requests reached the limit blocks it
    /// first.
    private func autoblockRefusal(for device: Device, command: Command) async throws -> HTTPRefusal? {
        // A pending wipe goes first: a lost phone must not wait out a block to be wiped.
        if case .requested = device.wipe { return nil }
        let now = Date()
        var device = device
        if !device.isRefused(at: now), command == .ping || command == .sync, quietRequests.isExceeded(by: device.id) {
            let block = configuration.autoblock.requestRateBlock
            device.autoblock = Autoblock(
                reason: .requestRate, at: now, until: now.addingTimeInterval(Double(block.components.seconds)))
            device = try await store.saveDevice(device)
            quietRequests.reset(device.id)
        }
        guard let block = device.autoblock, block.isActive(at: now) else { return nil }
        let seconds = max(1, Int(block.until.timeIntervalSince(now).rounded(.up)))
        return HTTPRefusal(status: 503, headers: [.retryAfter: String(seconds)])
    }

    /// Whether a request and its answer were a round trip that did nothing, which a looping
    /// device sends over and over: a Ping answered at once with anything but changes, a Sync
    /// that carried none of the device's own changes and got no command, reply or more to
    /// send. A held request is not one.
    private static func isQuiet(_ answer: EASResponse, of command: Command, request: WBXMLElement?) -> Bool {
        guard case .document(let root) = answer else { return false }
        switch command {
        case .ping:
            return PingResponse(root)?.status != .changesOccurred
        case .sync:
            let sent = request?.firstElement(AirSyncTag.collections)?.elements ?? []
            let answered = root.firstElement(AirSyncTag.collections)?.elements ?? []
            return !sent.contains { $0.firstElement(AirSyncTag.commands) != nil }
                && !answered.contains {
                    $0.firstElement(AirSyncTag.moreAvailable) != nil || $0.firstElement(AirSyncTag.commands) != nil
                        || $0.firstElement(AirSyncTag.responses) != nil
                }
        default:
            return false
        }
    }

    /// A request a decoder refused: its Status alone, or HTTP 400 for a common status before
    /// 14.0, which has none (MS-ASCMD 2.2.2).
    private static func answer(_ refusal: some CommandRefusal, to request: EASRequest) throws -> EASResponse {
        guard let root = StatusOnlyResponse.root(for: request.line.command),
            !refusal.status.isCommon || request.protocolVersion >= .v14_0
        else { throw HTTPRefusal(status: 400) }
        return .document(StatusOnlyResponse.element(root: root, status: refusal.status))
    }

    /// The HTTP response for a handler's answer, in the request's body form.
    private func encode(_ answer: EASResponse, as form: BodyForm) throws -> Outcome {
        switch answer {
        case .httpStatus(let code):
            return .response(Response(status: .init(code: code)))
        case .content(let bytes, let contentType):
            var headers = HTTPFields()
            headers[.contentType] = contentType
            return .response(
                Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))))
        case .document(let root):
            var headers = HTTPFields()
            headers[.contentType] = form.contentType
            return .response(
                Response(
                    status: .ok, headers: headers,
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: try form.encode(root)))))
        case .multipart(let root, let parts):
            var headers = HTTPFields()
            headers[.contentType] = MultipartBody.contentType
            let bytes = MultipartBody.encode([try form.encode(root)] + parts)
            return .response(
                Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))))
        case .held(let held):
            return .held(held, form)
        }
    }

    private func dispatch(_ request: EASRequest) async throws -> EASResponse {
        switch request.line.command {
        case .folderSync, .folderCreate, .folderUpdate, .folderDelete:
            try await FolderHierarchyHandler(store: store).handle(request)
        case .settings: try await SettingsHandler(store: store).handle(request)
        case .sync:
            try await SyncHandler(store: store, hub: hub, configuration: configuration, metrics: metrics).handle(
                request)
        case .ping: try await PingHandler(store: store, hub: hub, configuration: configuration).handle(request)
        case .getItemEstimate: try await GetItemEstimateHandler(store: store).handle(request)
        case .moveItems: try await MoveItemsHandler(store: store).handle(request)
        case .itemOperations: try await ItemOperationsHandler(store: store).handle(request)
        case .getAttachment: try await GetAttachmentHandler(store: store).handle(request)
        case .search: try await SearchHandler(store: store).handle(request)
        case .resolveRecipients: try await ResolveRecipientsHandler(store: store).handle(request)
        case .find: try await FindHandler(store: store).handle(request)
        case .meetingResponse:
            try await MeetingResponseHandler(
                store: store,
                submission: MailSubmission(store: store, limits: configuration.submission, outbound: outbound)
            ).handle(request)
        case .sendMail, .smartReply, .smartForward:
            try await ComposeMailHandler(store: store, limits: configuration.submission, outbound: outbound).handle(
                request)
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
    /// `lastSeen` is kept to the minute: a device seen within the last minute, with nothing
    /// else new, costs no write (a phone sends a request per held Ping and per sync).
    private func recordDevice(line: RequestLine, user: User, version: ProtocolVersion, userAgent: String?) async throws
        -> Device
    {
        let now = Date()
        let stored = try await store.device(of: user.id, deviceID: line.deviceID)
        if let stored, now.timeIntervalSince(stored.lastSeen) < 60, stored.protocolVersion == version.description,
            userAgent == nil || stored.userAgents?.current == userAgent
        {
            return stored
        }
        var device =
            stored
            ?? Device(
                id: 0, userID: user.id, deviceID: line.deviceID, deviceType: line.deviceType, firstSeen: now,
                lastSeen: now)
        device.lastSeen = now
        device.protocolVersion = version.description
        if let userAgent {
            device.information.userAgent = userAgent
            track(userAgent, of: &device, at: now)
        }
        return try await store.saveDevice(device)
    }

    /// Records a change of User-Agent; past `AutoblockLimits.maxUserAgentChanges` within its
    /// period, the device is autoblocked (MS-ASHTTP 3.2.5.1.1).
    private func track(_ userAgent: String, of device: inout Device, at now: Date) {
        let limits = configuration.autoblock
        guard var history = device.userAgents else {
            device.userAgents = UserAgentHistory(current: userAgent)
            return
        }
        guard history.current != userAgent else { return }
        let period = Double(limits.userAgentPeriod.components.seconds)
        history.current = userAgent
        history.changes = history.changes.filter { now.timeIntervalSince($0) < period } + [now]
        device.userAgents = history
        if history.changes.count > limits.maxUserAgentChanges, !device.isRefused(at: now) {
            let until = now.addingTimeInterval(Double(limits.userAgentBlock.components.seconds))
            device.autoblock = Autoblock(reason: .userAgentChanges, at: now, until: until)
        }
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
