import HummingbirdCore
import ServiceLifecycle

/// HummingbirdCore's `Server` on `HTTPExchangeChannel`, as a service that ends only when its
/// connections have: the server's own `run` returns once its listening socket closes, since
/// no task waits on a connection, and the answers the push hub gives held requests at
/// shutdown are still being written then.
struct HTTPService: Service {
    let server: Server<HTTPExchangeChannel>

    func run() async throws {
        try await server.run()
        // Closes idle connections and waits for busy ones to finish their responses.
        try await server.shutdownGracefully()
    }
}
