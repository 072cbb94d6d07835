import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization
import TernAdmin
import TernStore

/// How the console answers: sessions and CSRF checked, forms read, failures shown on the page.
extension AdminConsole {
    /// A request's way out before its operation runs: 403 without a session or CSRF token,
    /// 413 or 400 for a body too large or badly encoded.
    struct Refusal: Error {
        let response: Response
    }

    /// The live session the request's cookie names.
    func session(of request: Request) -> ConsoleSession? {
        sessions.session(request.cookies[Self.cookieName]?.value, at: .now)
    }

    /// A page for a signed-in admin (with the notice a change left), else the sign-in page.
    func page(
        _ request: Request, _ context: TernRequestContext,
        _ render: (ConsoleSession, ConsolePage.Notice?) async throws -> HTML
    ) async -> Response {
        guard let session = session(of: request) else { return ConsoleResponse.redirect(to: "/admin/sign-in") }
        do {
            return ConsoleResponse.html(
                .ok, try await render(session, sessions.takeNotice(of: session.id).map { .done($0) }))
        } catch {
            return unavailable(error, request, context)
        }
    }

    /// A change made from the page of `section`: with a session and its CSRF token,
    /// `operation` runs on the form; done, the browser goes back to the page (Post/Redirect/Get,
    /// keeping the form's user `filter`) where the notice it returned shows; refused, the page
    /// comes back with the reason and the status of the failure (400, 404, 409).
    func change(
        _ request: Request, _ context: TernRequestContext, from section: ConsolePage.Section,
        _ operation: (FormBody) async throws -> String
    ) async -> Response {
        let session: ConsoleSession
        let form: FormBody
        do throws(Refusal) {
            (session, form) = try await authorizeChange(request)
        } catch {
            log(request, context, status: error.response.status)
            return error.response
        }
        let filter = Self.userFilter(form["filter"])
        let response: Response
        let outcome: String
        do {
            outcome = try await operation(form)
            sessions.leave(outcome, for: session.id)
            response = ConsoleResponse.redirect(to: "/admin/\(section.rawValue)" + ConsolePage.userQuery(filter))
        } catch {
            let failure = AdminFailure(error, bodyLimit: Self.maxFormBytes)
            outcome = failure.message
            do {
                response = ConsoleResponse.html(
                    failure.status, try await render(section, session, .error(failure.message), userFilter: filter))
            } catch {
                response = unavailable(error, request, context)
            }
        }
        log(request, context, status: response.status, outcome: outcome)
        return response
    }

    /// The session and form of a change, or the refusal: no session or no matching CSRF
    /// token is 403, whatever else the request holds.
    private func authorizeChange(_ request: Request) async throws(Refusal) -> (ConsoleSession, FormBody) {
        guard let session = session(of: request) else {
            throw Refusal(response: Self.forbidden("Your session has ended; sign in again."))
        }
        let form = try await readForm(request)
        let sent = form["csrf"] ?? request.headers[ActiveSyncEndpoint.field("X-CSRF-Token")] ?? ""
        guard constantTimeEquals(Array(sent.utf8), Array(session.csrfToken.utf8)) else {
            throw Refusal(response: Self.forbidden("The form is missing its security token; reload the page."))
        }
        return (session, form)
    }

    /// The form in the body, read only up to `maxFormBytes`.
    func readForm(_ request: Request) async throws(Refusal) -> FormBody {
        do {
            return try FormBody(try await request.boundedBody(upTo: Self.maxFormBytes))
        } catch is HTTPRefusal {
            throw Refusal(
                response: Self.errorPage(.contentTooLarge, "The form is larger than \(Self.maxFormBytes) bytes."))
        } catch {
            throw Refusal(response: Self.errorPage(.badRequest, "\(error)"))
        }
    }

    /// Signs in with the admin token, unless the client is locked out; a wrong token counts
    /// towards the lockout and shows the form again (401).
    func signIn(_ request: Request, _ context: TernRequestContext) async -> Response {
        let client = context.clientAddress ?? "unknown"
        let response: Response
        if lockout.withLock({ $0.isLocked(client, at: .now) }) {
            response = ConsoleResponse.html(
                .tooManyRequests,
                SignInPage.render(error: "Too many wrong tokens from your address. Try again in 15 minutes."),
                headers: [.retryAfter: String(SignInLockout.window.components.seconds)])
        } else {
            do throws(Refusal) {
                let form = try await readForm(request)
                if token.matches(form["token"] ?? "") {
                    let session = sessions.open(at: .now)
                    response = ConsoleResponse.redirect(
                        to: "/admin/devices", headers: [.setCookie: cookie(session.id)])
                } else {
                    lockout.withLock { $0.recordFailure(of: client, at: .now) }
                    response = ConsoleResponse.html(
                        .unauthorized, SignInPage.render(error: "That is not the admin token."))
                }
            } catch {
                response = error.response
            }
        }
        log(request, context, status: response.status)
        return response
    }

    /// Ends the session (with its CSRF token, so that no other site can sign the admin out)
    /// and clears the cookie.
    func signOut(_ request: Request, _ context: TernRequestContext) async -> Response {
        let response: Response
        do throws(Refusal) {
            let (session, _) = try await authorizeChange(request)
            sessions.close(session.id)
            response = ConsoleResponse.redirect(
                to: "/admin/sign-in", headers: [.setCookie: cookie("", attributes: "; Max-Age=0")])
        } catch {
            response = error.response
        }
        log(request, context, status: response.status)
        return response
    }

    /// One of the device actions the form names, on the device it names.
    func performDeviceAction(_ form: FormBody) async throws -> String {
        let login = try form.required("user", label: "User")
        let deviceID = try form.required("device", label: "Device")
        let name = try form.required("action", label: "Action")
        guard let action = DeviceAction(rawValue: name) else {
            throw AdministrationError(.invalid, "there is no device action \(name)")
        }
        guard
            let device = try await administration.devices(of: login, withheldItems: false).first(where: {
                $0.deviceID == deviceID
            })
        else {
            throw AdministrationError(.notFound, "\(login) has no device \(deviceID)")
        }
        guard action.applies(to: device) else {
            throw AdministrationError(
                .invalid,
                "an account-only wipe needs a device speaking EAS 16.1; \(DeviceAction.name(of: device)) speaks "
                    + (device.protocolVersion ?? "no version yet"))
        }
        try await action.perform(on: device, with: administration)
        return action.done(for: device)
    }

    /// The page of `section` (the devices of `userFilter` only, when given).
    func render(
        _ section: ConsolePage.Section, _ session: ConsoleSession, _ notice: ConsolePage.Notice?, userFilter: String?
    ) async throws -> HTML {
        switch section {
        case .users:
            UsersPage.render(try await administration.users(), session: session, notice: notice)
        case .devices:
            DevicesPage.render(
                try await administration.devices(of: userFilter, withheldItems: false), of: userFilter,
                session: session, notice: notice)
        case .policy:
            PolicyPage.render(
                default: try await administration.policy(for: nil),
                overrides: try await administration.policyOverrides(), session: session, notice: notice)
        case .queue:
            QueuePage.render(try await administration.store.queuedMessages(), session: session, notice: notice)
        }
    }

    /// A user filter as given, nil when empty.
    static func userFilter(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// The session cookie: only for `/admin`, never to scripts, never from another site, and
    /// over TLS never in the clear.
    private func cookie(_ value: String, attributes: String = "") -> String {
        "\(Self.cookieName)=\(value); Path=/admin; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "") + attributes
    }

    private static func forbidden(_ message: String) -> Response {
        errorPage(.forbidden, message)
    }

    private static func errorPage(_ status: HTTPResponse.Status, _ message: String) -> Response {
        ConsoleResponse.html(
            status,
            ConsolePage(title: "Refused", section: nil, session: nil, notice: .error(message)).render(
                "<p><a href=\"/admin/\">Back to the console</a></p>"))
    }

    /// The error page of a page that could not be shown: 404 for no such user, else 503.
    private func unavailable(_ error: any Error, _ request: Request, _ context: TernRequestContext) -> Response {
        let failure = AdminFailure(error, bodyLimit: Self.maxFormBytes)
        if failure.status == .serviceUnavailable {
            context.logger.error(
                "admin console failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
        }
        return Self.errorPage(failure.status, failure.message)
    }

    /// One line per sign-in and change, with what the change did or why it was refused (the
    /// page's words, which name the user or device and never a password), for an audit trail.
    private func log(
        _ request: Request, _ context: TernRequestContext, status: HTTPResponse.Status, outcome: String? = nil
    ) {
        var metadata: Logger.Metadata = [
            "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status.code)",
        ]
        if let outcome { metadata["outcome"] = "\(outcome)" }
        context.logger.info("admin console", metadata: metadata)
    }
}
