import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TernStore

/// `/autodiscover/autodiscover.xml` (and `/Autodiscover/Autodiscover.xml`): tells a device
/// that signs in with Basic auth where its ActiveSync endpoint is (MS-ASCMD 2.2.1.1).
///
/// - A mobile request asking for the mobilesync response schema, for one of the signed-in
///   user's own addresses, gets the settings; any other address gets the mobile error
///   (Status 2) and nothing about anyone.
/// - Outlook's POX request (`.../outlook/responseschema/2006a`) gets ErrorCode 601: the POX
///   schema describes Exchange RPC, RPC over HTTP and web access (`Protocol/Type` EXCH,
///   EXPR, EXHTTP, WEB) and Internet mail, and has no way to name an ActiveSync endpoint,
///   so the honest answer is that no provider serves that schema here.
/// - A body that is not an autodiscover request gets ErrorCode 600 "Invalid Request", and so
///   does a signed-in GET, as Exchange answers a browser; a GET without credentials gets
///   the 401 challenge like a POST, since clients probe with it.
///
/// Every answer but the 401 and 413 refusals is a 200 with an XML body, which is where
/// clients look for autodiscover errors.
struct AutodiscoverEndpoint: Sendable {
    let authenticator: Authenticator
    let configuration: ServerConfiguration

    static let paths = ["autodiscover/autodiscover.xml", "Autodiscover/Autodiscover.xml"]
    /// Requests are a few hundred bytes; anything past this is refused before parsing.
    static let maxRequestBytes = 64 << 10

    func post(_ request: Request, clientAddress: String?, logger: Logger) async -> Response {
        await respond(request, clientAddress: clientAddress, logger: logger) { user in
            let body = try await request.boundedBody(upTo: Self.maxRequestBytes)
            guard let root = try? NamespacedXMLReader().read(body), let asked = AutodiscoverRequest(root) else {
                return AutodiscoverResponse.error(code: .invalidRequest, "Invalid Request")
            }
            guard asked.wantsMobileSync else {
                return AutodiscoverResponse.error(
                    code: .unsupportedSchema,
                    "No provider for \(asked.acceptableResponseSchema): this server speaks ActiveSync only")
            }
            guard
                let address = user.emailAddresses.first(where: {
                    $0.caseInsensitiveCompare(asked.emailAddress) == .orderedSame
                })
            else {
                return AutodiscoverResponse.mobileSyncError("The e-mail address is not the signed-in user's")
            }
            return AutodiscoverResponse.mobileSync(
                displayName: user.displayName, emailAddress: address, url: activeSyncURL(request))
        }
    }

    func get(_ request: Request, clientAddress: String?, logger: Logger) async -> Response {
        await respond(request, clientAddress: clientAddress, logger: logger) { _ in
            AutodiscoverResponse.error(code: .invalidRequest, "Invalid Request")
        }
    }

    /// Signs the client in, then answers with the document `answer` builds for the user.
    private func respond(
        _ request: Request, clientAddress: String?, logger: Logger,
        answer: (User) async throws -> NamespacedElement
    ) async -> Response {
        var login = "-"
        let response: Response
        do {
            guard let credentials = BasicCredentials(authorization: request.headers[.authorization]),
                let user = try await authenticator.authenticate(credentials, from: clientAddress)
            else {
                throw HTTPRefusal(status: 401, headers: [.wwwAuthenticate: "Basic realm=\"Tern\""])
            }
            login = user.login
            let document = NamespacedXMLWriter().write(try await answer(user))
            var headers = HTTPFields()
            headers[.contentType] = "text/xml; charset=utf-8"
            response = Response(
                status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: document)))
        } catch let refusal as HTTPRefusal {
            response = Response(status: .init(code: refusal.status), headers: refusal.headers)
        } catch {
            logger.error("autodiscover failed", metadata: ["user": "\(login)", "error": "\(error)"])
            response = Response(status: .serviceUnavailable)
        }
        logger.info(
            "autodiscover",
            metadata: [
                "method": "\(request.method)", "user": "\(login)", "status": "\(response.status.code)",
            ])
        return response
    }

    /// The public URL when configured, else `http://` and the Host the client asked for.
    private func activeSyncURL(_ request: Request) -> String {
        let base: String
        if let publicURL = configuration.publicURL {
            base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        } else {
            // The Host header is the client's own word; only a plain host[:port] is echoed back.
            let host = request.head.authority.flatMap { host in
                host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) } ? host : nil
            }
            base = "http://" + (host ?? "\(configuration.host):\(configuration.port)")
        }
        return base + "/" + ActiveSyncEndpoint.path
    }
}
