import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /metrics` in Prometheus' text format (version 0.0.4). On the EAS listener it is served
/// only with the admin API's bearer token (Prometheus' `authorization` setting), so the
/// internet cannot read it; on its own listener (`--metrics HOST:PORT`) without credentials.
struct MetricsEndpoint: Sendable {
    let metrics: ServerMetrics
    /// The bearer token a scrape must carry; nil on the metrics listener.
    let token: String?
    let levels: @Sendable () async -> MetricLevels

    static let path = "/metrics"

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get(RouterPath(stringLiteral: Self.path)) { request, _ in await respond(to: request) }
    }

    func respond(to request: Request) async -> Response {
        if let token, !BearerToken(token).accepts(request.headers[.authorization]) {
            return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"Tern metrics\""])
        }
        let body = metrics.exposition(await levels())
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
