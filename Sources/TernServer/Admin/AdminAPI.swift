import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TernAdmin
import TernStore

/// The admin HTTP API under `/admin/api/v1`, served only when an admin token is configured.
///
/// Every call carries `Authorization: Bearer TOKEN`; bodies are JSON of at most 1 MiB, and
/// answers are JSON with sorted keys and ISO 8601 dates, `{"error": "..."}` on failure
/// (400 bad input, 401 bad token, 404 unknown user or device, 409 taken, 413 too large).
/// The operations are the CLI's own (`Administration`). Every call logs one line: method, path, status.
///
/// ```
/// GET    /users                                     POST /users {"login","password","displayName","addresses"}
/// DELETE /users/{login}                             PUT  /users/{login}/password {"password"}
/// GET    /devices[?user=NAME]                       POST /users/{login}/devices/{deviceId}/wipe {"accountOnly"}
/// POST   /users/{login}/devices/{deviceId}/block    POST /users/{login}/devices/{deviceId}/allow
/// DELETE /users/{login}/devices/{deviceId}          POST /users/{login}/devices/{deviceId}/resync
/// GET    /policy[?user=NAME]                        PUT  /policy[?user=NAME] {"settings": {"Name": "value"}}
/// ```
struct AdminAPI: Sendable {
    let token: String
    let store: any Store

    static let prefix = "admin/api/v1"
    static let maxRequestBytes = 1 << 20

    func register(on router: Router<TernRequestContext>) {
        let admin = Administration(store: store)
        let api = router.group(RouterPath(stringLiteral: Self.prefix))

        api.get("users") { request, context in
            await respond(request, context) { _ in .ok(try await admin.users()) }
        }
        api.post("users") { request, context in
            await respond(request, context) { body in
                let new = try body.decode(NewUserBody.self)
                return AdminReply(
                    status: .created,
                    body: try await admin.createUser(
                        login: new.login, password: new.password, displayName: new.displayName,
                        addresses: new.addresses ?? []))
            }
        }
        api.delete("users/:login") { request, context in
            await respond(request, context) { _ in
                try await admin.removeUser(login: try context.parameter("login"))
                return .noContent
            }
        }
        api.put("users/:login/password") { request, context in
            await respond(request, context) { body in
                try await admin.setPassword(
                    login: try context.parameter("login"), password: try body.decode(PasswordBody.self).password)
                return .noContent
            }
        }
        api.get("devices") { request, context in
            await respond(request, context) { _ in .ok(try await admin.devices(of: request.query("user"))) }
        }
        api.post("users/:login/devices/:deviceId/wipe") { request, context in
            await respond(request, context) { body in
                let accountOnly = try body.isEmpty ? false : body.decode(WipeBody.self).accountOnly ?? false
                return .ok(
                    try await admin.wipe(
                        login: try context.parameter("login"), deviceID: try context.parameter("deviceId"),
                        accountOnly: accountOnly))
            }
        }
        api.post("users/:login/devices/:deviceId/block") { request, context in
            await respond(request, context) { _ in
                .ok(
                    try await admin.block(
                        login: try context.parameter("login"), deviceID: try context.parameter("deviceId")))
            }
        }
        api.post("users/:login/devices/:deviceId/allow") { request, context in
            await respond(request, context) { _ in
                .ok(
                    try await admin.allow(
                        login: try context.parameter("login"), deviceID: try context.parameter("deviceId")))
            }
        }
        api.delete("users/:login/devices/:deviceId") { request, context in
            await respond(request, context) { _ in
                try await admin.remove(
                    login: try context.parameter("login"), deviceID: try context.parameter("deviceId"))
                return .noContent
            }
        }
        api.post("users/:login/devices/:deviceId/resync") { request, context in
            await respond(request, context) { _ in
                try await admin.resync(
                    login: try context.parameter("login"), deviceID: try context.parameter("deviceId"))
                return .noContent
            }
        }
        api.get("policy") { request, context in
            await respond(request, context) { _ in
                .ok(PolicySummary(try await admin.policy(for: request.query("user"))))
            }
        }
        api.put("policy") { request, context in
            await respond(request, context) { body in
                let settings = try body.decode(PolicyBody.self).settings.sorted { $0.key < $1.key }.map {
                    (name: $0.key, value: $0.value)
                }
                return .ok(PolicySummary(try await admin.setPolicy(settings, for: request.query("user"))))
            }
        }
    }

    /// Checks the token, reads the body, runs `operation` and turns its reply or error into JSON.
    private func respond(
        _ request: Request, _ context: TernRequestContext, _ operation: (AdminRequestBody) async throws -> AdminReply
    ) async -> Response {
        let reply: AdminReply
        if !BearerToken(token).accepts(request.headers[.authorization]) {
            reply = AdminReply(status: .unauthorized, error: "a valid bearer token is required")
        } else {
            do {
                reply = try await operation(
                    AdminRequestBody(bytes: try await request.boundedBody(upTo: Self.maxRequestBytes)))
            } catch {
                reply = AdminReply(error)
                if reply.status == .serviceUnavailable {
                    context.logger.error(
                        "admin call failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
                }
            }
        }
        context.logger.info(
            "admin",
            metadata: [
                "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(reply.status.code)",
            ])
        var response = reply.response
        if reply.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"Tern admin\"" }
        return response
    }

    private struct NewUserBody: Decodable {
        let login: String
        let password: String
        let displayName: String?
        let addresses: [String]?
    }

    private struct PasswordBody: Decodable {
        let password: String
    }

    private struct WipeBody: Decodable {
        let accountOnly: Bool?
    }

    private struct PolicyBody: Decodable {
        let settings: [String: String]
    }
}

extension TernRequestContext {
    /// A path parameter the route declares; its absence is our routing bug.
    fileprivate func parameter(_ name: String) throws -> String {
        guard let value = parameters.get(name) else {
            throw AdministrationError(.invalid, "missing \(name) in the path")
        }
        return value
    }
}

extension Request {
    fileprivate func query(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map(String.init)
    }
}
