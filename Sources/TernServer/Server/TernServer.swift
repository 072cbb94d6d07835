import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOPosix
import SchemaValidation
public import ServiceLifecycle
import TernPush
public import TernStore
import UnixSignals

/// The EAS server: Hummingbird's router on `HTTPExchangeChannel` connections, and the push
/// hub, run as services with graceful shutdown that answers every held Ping before the HTTP
/// server stops.
public struct TernServer: Sendable {
    public let store: any Store
    public let configuration: ServerConfiguration
    private let hub: PushHub
    /// Mail for other servers on its way to the relay; nil without one.
    private let outbound: OutboundQueue?
    private let clock: any Clock<Duration>
    /// Bodies are read whole before routing; together they may hold four of the largest.
    private let budget: RequestBodyBudget
    private let authenticator: Authenticator
    /// HTTPS when configured.
    private let tls: TLSCertificates?
    private let metrics = ServerMetrics()
    private let statistics: ConnectionStatistics

    /// A server on `store`; heartbeats and held requests' deadlines run on `clock`. Throws
    /// when the password verifier key file cannot be used.
    public init(store: any Store, configuration: ServerConfiguration, clock: any Clock<Duration> = ContinuousClock())
        throws
    {
        self.store = store
        self.configuration = configuration
        self.clock = clock
        budget = RequestBodyBudget(limit: 4 * configuration.maxRequestBytes)
        hub = PushHub(
            store: store, maxHeldPerUser: configuration.maxHeldPerUser, maxHeldTotal: configuration.maxHeldTotal,
            clock: clock)
        outbound = configuration.relay.map { OutboundQueue(store: store, relay: $0, logger: Self.logger) }
        authenticator = try Authenticator(store: store, limits: configuration.passwordChecks)
        tls = try configuration.tls.map(TLSCertificates.init)
        statistics = ConnectionStatistics(metrics: metrics)
    }

    /// Reads the TLS certificate and key files again (what SIGHUP does): new connections get
    /// the new certificate, open ones keep theirs. Throws, keeping the old, when they are bad.
    public func reloadCertificates() throws {
        try tls?.reload()
    }

    /// How sign-ins have been checked: bcrypt, the keyed verifier, refusals when busy.
    public var passwordCheckFigures: PasswordCheckFigures { authenticator.figures }

    /// How many Pings and Syncs with Wait are held now.
    public var heldRequestCount: Int { hub.heldCount }

    /// Request body bytes all connections hold in memory now.
    public var bufferedRequestBytes: Int { budget.reserved }

    /// Runs until SIGTERM or SIGINT (a second one during the graceful shutdown exits at once),
    /// with the LMTP listener in the same group when given; `onListening` gets the bound port
    /// (useful with port 0).
    public func run(lmtp: LMTPService? = nil, onListening: @escaping @Sendable (Int) async -> Void = { _ in })
        async throws
    {
        let logger = Self.logger
        let services: [any Service] =
            [SecondSignalExit(logger: logger), try service(onListening: onListening)] + (lmtp.map { [$0] } ?? [])
        let group = ServiceGroup(
            configuration: .init(
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// The server as one service, to run once in a caller's `ServiceGroup`: graceful
    /// shutdown of that group answers held requests, then stops the HTTP server.
    public func service(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some Service {
        let validator = try configuration.schemaDirectory.map { try SchemaValidator(schemaDirectory: $0) }
        let endpoint = ActiveSyncEndpoint(
            store: store, configuration: configuration, validator: validator, authenticator: authenticator, hub: hub,
            admission: AdmissionGate(limit: configuration.maxConcurrentRequests),
            quietRequests: QuietRequestRate(limit: configuration.autoblock.maxQuietRequestsPerMinute),
            outbound: outbound, traceLog: configuration.traceDirectory.map(DeviceTraceLog.init), metrics: metrics)
        let router = Router(context: TernRequestContext.self)
        router.on(RouterPath(stringLiteral: ActiveSyncEndpoint.path), method: .options) { _, _ in endpoint.options() }
        router.post(RouterPath(stringLiteral: ActiveSyncEndpoint.path)) { request, context in
            await endpoint.post(request, context: context)
        }
        for method: HTTPRequest.Method in [.get, .head, .put, .delete, .patch] {
            router.on(RouterPath(stringLiteral: ActiveSyncEndpoint.path), method: method) { _, _ in
                endpoint.unsupportedMethod()
            }
        }
        let autodiscover = AutodiscoverEndpoint(authenticator: authenticator, configuration: configuration)
        for path in AutodiscoverEndpoint.paths {
            router.post(RouterPath(stringLiteral: path)) { request, context in
                await autodiscover.post(request, clientAddress: context.clientAddress, logger: context.logger)
            }
            router.get(RouterPath(stringLiteral: path)) { request, context in
                await autodiscover.get(request, clientAddress: context.clientAddress, logger: context.logger)
            }
        }
        if let adminToken = configuration.adminToken {
            AdminAPI(token: adminToken, store: store).register(on: router)
            // Behind a TLS proxy the public URL says that browsers come over HTTPS.
            let secure = tls != nil || configuration.publicURL?.lowercased().hasPrefix("https://") == true
            AdminConsole(token: adminToken, store: store, secure: secure).register(on: router)
        }
        let logger = Self.logger
        let health = HealthEndpoints(store: store, logger: logger)
        health.register(on: router)
        if let adminToken = configuration.adminToken {
            metricsEndpoint(token: adminToken).register(on: router)
        }
        let responder = router.buildResponder()
        let server = Server(
            childChannelSetup: HTTPExchangeChannel(
                maxBodyBytes: configuration.maxRequestBytes, serverName: "Tern", budget: budget,
                limits: configuration.connectionLimits, statistics: statistics, tls: tls
            ) { request, channel, deferral in
                do {
                    return try await responder.respond(
                        to: request,
                        context: TernRequestContext(source: .init(channel: channel, logger: logger, deferral: deferral))
                    )
                } catch {
                    logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
                    return Response(status: .internalServerError)
                }
            },
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), backlog: configuration.backlog),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            logger: logger)
        // A group shuts its services down last to first: the hub answers what it holds while
        // the application still writes responses, then the application stops; the change
        // feed's follower, which the hub hears through, stops last.
        return ServiceGroup(
            configuration: .init(
                services: [
                    ChangeFollower(store: store, clock: clock), HTTPService(server: server), hub, HeapTrimmer(),
                    ConnectionReporter(statistics: statistics, logger: logger),
                ] + (outbound.map { [$0] } ?? [])
                    + (tls.map { [CertificateReloader(certificates: $0, logger: logger)] } ?? [])
                    + (configuration.metricsListener.map { [metricsApplication($0, health: health)] } ?? []),
                logger: Self.logger))
    }

    /// `/metrics` with the figures of this server; `token` nil serves it without credentials.
    private func metricsEndpoint(token: String?) -> MetricsEndpoint {
        let (hub, statistics, budget, authenticator, store, outbound) = (
            hub, statistics, budget, authenticator, store, outbound
        )
        return MetricsEndpoint(metrics: metrics, token: token) {
            MetricLevels(
                heldRequests: hub.heldCount, openConnections: statistics.openConnections,
                bufferedRequestBytes: budget.reserved,
                outboundQueue: outbound == nil ? nil : try? await store.queuedMessages().count,
                passwordChecks: authenticator.figures, store: store.transactionFigures)
        }
    }

    /// The metrics listener (`--metrics HOST:PORT`): `/metrics`, `/healthz` and `/readyz`
    /// without credentials, for a scraper on a private network.
    private func metricsApplication(_ listener: MetricsListener, health: HealthEndpoints) -> some Service {
        let router = Router()
        metricsEndpoint(token: nil).register(on: router)
        health.register(on: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(listener.host, port: listener.port), serverName: "Tern"),
            logger: Self.logger)
    }

    private static var logger: Logger {
        Logger(label: "tern")
    }
}
