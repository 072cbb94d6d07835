import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The console's responses, each with the headers that keep a page to itself: a
/// Content-Security-Policy that runs only the console's own script file (no inline script,
/// no other origin), no framing, no MIME sniffing, no referrer, and no caching.
enum ConsoleResponse {
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func html(_ status: HTTPResponse.Status, _ page: HTML, headers extra: HTTPFields = [:]) -> Response {
        respond(status, contentType: "text/html; charset=utf-8", body: page.text, headers: extra)
    }

    static func json(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Our own value types always encode; failing here is a bug in Tern.
        guard let json = try? encoder.encode(value) else { preconditionFailure("console JSON did not encode") }
        return respond(status, contentType: "application/json", body: String(decoding: json, as: UTF8.self))
    }

    /// A file of the console's own (its script, its style sheet).
    static func asset(_ text: String, contentType: String) -> Response {
        respond(.ok, contentType: contentType, body: text)
    }

    /// 303 See Other: where a browser goes after a form, with GET (Post/Redirect/Get).
    static func redirect(to location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.location] = location
        return respond(.seeOther, contentType: "text/plain; charset=utf-8", body: "", headers: headers)
    }

    private static func respond(
        _ status: HTTPResponse.Status, contentType: String, body: String, headers extra: HTTPFields = [:]
    ) -> Response {
        var headers = extra
        headers[.contentType] = contentType
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[ActiveSyncEndpoint.field("X-Frame-Options")] = "DENY"
        headers[.xContentTypeOptions] = "nosniff"
        headers[ActiveSyncEndpoint.field("Referrer-Policy")] = "no-referrer"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
