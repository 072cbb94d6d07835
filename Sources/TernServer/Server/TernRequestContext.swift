import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's core storage plus the client's address,
/// which sign-in throttling counts failures by.
struct TernRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address without the port, for counting failures per client.
    var clientAddress: String? { remoteAddress?.ipAddress }
}
