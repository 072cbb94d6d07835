import Hummingbird
import Logging
import NIOCore

/// What the connection gives a request's context: Hummingbird's channel and logger plus
/// the request's `ResponseDeferral`.
struct TernRequestSource: RequestContextSource {
    let channel: any Channel
    let logger: Logger
    let deferral: ResponseDeferral
}

/// The request context of every route: Hummingbird's core storage, the client's address,
/// which sign-in throttling counts failures by, and the way to answer later.
struct TernRequestContext: RequestContext, RemoteAddressRequestContext {
    typealias Source = TernRequestSource

    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    let deferral: ResponseDeferral

    init(source: TernRequestSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
        deferral = source.deferral
    }

    /// The client's IP address without the port, for counting failures per client.
    var clientAddress: String? { remoteAddress?.ipAddress }
}
