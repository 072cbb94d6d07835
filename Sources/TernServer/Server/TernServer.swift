import Hummingbird
import Logging
import SchemaValidation
public import TernStore

/// The EAS server: routes on Hummingbird, run as a service with graceful shutdown.
public struct TernServer: Sendable {
    public let store: any Store
    public let configuration: ServerConfiguration

    public init(store: any Store, configuration: ServerConfiguration) {
        self.store = store
        self.configuration = configuration
    }

    /// Runs until SIGTERM or SIGINT; `onListening` gets the bound port (useful with port 0).
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let validator = try configuration.schemaDirectory.map { try SchemaValidator(schemaDirectory: $0) }
        let authenticator = Authenticator(store: store)
        let endpoint = ActiveSyncEndpoint(
            store: store, configuration: configuration, validator: validator, authenticator: authenticator)
        let router = Router(context: TernRequestContext.self)
        router.on(RouterPath(stringLiteral: ActiveSyncEndpoint.path), method: .options) { _, _ in endpoint.options() }
        router.post(RouterPath(stringLiteral: ActiveSyncEndpoint.path)) { request, context in
            await endpoint.post(request, clientAddress: context.clientAddress, logger: context.logger)
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
        }
        var logger = Logger(label: "tern")
        logger.logLevel = .info
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Tern"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await application.runService()
    }
}
