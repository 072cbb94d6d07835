import HTTPTypes
import Hummingbird
import Logging
import TernStore

/// `/healthz` (the process answers) and `/readyz` (the store takes a write and is migrated),
/// without credentials, for an orchestrator or a load balancer. The bodies are one word; why
/// the store is not ready goes to the log, not to whoever asks.
struct HealthEndpoints {
    let store: any Store
    let logger: Logger

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/healthz") { _, _ in Self.text(.ok, "ok") }
        router.get("/readyz") { _, _ in await ready() }
    }

    private func ready() async -> Response {
        do {
            try await store.checkReadiness()
            return Self.text(.ok, "ready")
        } catch {
            logger.warning("not ready", metadata: ["error": "\(error)"])
            return Self.text(.serviceUnavailable, "not ready")
        }
    }

    private static func text(_ status: HTTPResponse.Status, _ word: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: word + "\n")))
    }
}
