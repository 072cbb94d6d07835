import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Synchronization
import TernAdmin
import TernStore

/// The web console under `/admin/`, served only when an admin token is configured: pages
/// rendered here on the admin operations the JSON API and the CLI use (`Administration`).
///
/// Signing in takes the admin token and opens a session (`ConsoleSessions`) whose cookie is
/// HttpOnly, SameSite=Strict and, over TLS, Secure. Every change is a POST carrying the
/// session's CSRF token (form field `csrf` or header `X-CSRF-Token`), compared in constant
/// time; without it the answer is 403. Five wrong tokens from one address within 15 minutes
/// lock that address out (429, `SignInLockout`). Form bodies are bounded before they are
/// parsed, every value on a page is escaped (`HTML`), and every response forbids inline
/// script and framing (`ConsoleResponse`).
///
/// ```
/// GET  /admin/                  GET /admin/sign-in     POST /admin/sign-in {token}   POST /admin/sign-out
/// GET  /admin/users             POST /admin/users {login, displayName, address, password}
/// POST /admin/users/remove {login}                     POST /admin/users/password {login, password}
/// GET  /admin/devices[?user=]   GET /admin/devices/state[?user=] (JSON)
/// POST /admin/devices/action {user, device, action, filter}
/// GET  /admin/policy            POST /admin/policy {name, value, user}
/// GET  /admin/queue             GET /admin/console.js  GET /admin/console.css
/// ```
final class AdminConsole: Sendable {
    static let cookieName = "tern_admin"
    static let maxFormBytes = 16 << 10

    let token: BearerToken
    let administration: Administration
    /// Whether browsers reach the console over HTTPS (Tern's own TLS, or a `publicURL` of
    /// https behind a proxy), so that the cookie is marked Secure.
    let secure: Bool
    let sessions = ConsoleSessions()
    let lockout = Mutex(SignInLockout())

    init(token: String, store: any Store, secure: Bool) {
        self.token = BearerToken(token)
        administration = Administration(store: store)
        self.secure = secure
    }

    func register(on router: Router<TernRequestContext>) {
        let console = router.group("admin")
        console.get { request, _ in
            let signedIn = self.session(of: request) != nil
            return ConsoleResponse.redirect(to: signedIn ? "/admin/devices" : "/admin/sign-in")
        }
        console.get("console.js") { _, _ in
            ConsoleResponse.asset(ConsoleScript.text, contentType: "text/javascript; charset=utf-8")
        }
        console.get("console.css") { _, _ in
            ConsoleResponse.asset(ConsoleStyle.text, contentType: "text/css; charset=utf-8")
        }
        console.get("sign-in") { request, _ in
            self.session(of: request) == nil
                ? ConsoleResponse.html(.ok, SignInPage.render()) : ConsoleResponse.redirect(to: "/admin/devices")
        }
        console.post("sign-in") { request, context in await self.signIn(request, context) }
        console.post("sign-out") { request, context in await self.signOut(request, context) }
        for section in ConsolePage.Section.allCases {
            console.get(RouterPath(stringLiteral: section.rawValue)) { request, context in
                await self.page(request, context) { session, notice in
                    try await self.render(
                        section, session, notice,
                        userFilter: Self.userFilter(request.uri.queryParameters["user"].map(String.init)))
                }
            }
        }
        registerChanges(on: console)
        console.get("devices/state") { request, _ in
            guard self.session(of: request) != nil else {
                return ConsoleResponse.json(.unauthorized, ["error": "sign in again"])
            }
            do {
                let login = Self.userFilter(request.uri.queryParameters["user"].map(String.init))
                return ConsoleResponse.json(
                    .ok, try await self.administration.devices(of: login, withheldItems: false).map { DeviceState($0) })
            } catch {
                let failure = AdminFailure(error, bodyLimit: Self.maxFormBytes)
                return ConsoleResponse.json(failure.status, ["error": failure.message])
            }
        }
    }

    private func registerChanges(on console: RouterGroup<TernRequestContext>) {
        console.post("users") { request, context in
            await self.change(request, context, from: .users) { form in
                let login = try form.required("login", label: "Login")
                try await self.administration.createUser(
                    login: login, password: try form.required("password", label: "Password"),
                    displayName: form.optional("displayName"),
                    addresses: [try form.required("address", label: "Email address")])
                return "User \(login) added."
            }
        }
        console.post("users/remove") { request, context in
            await self.change(request, context, from: .users) { form in
                let login = try form.required("login", label: "Login")
                try await self.administration.removeUser(login: login)
                return "User \(login) removed."
            }
        }
        console.post("users/password") { request, context in
            await self.change(request, context, from: .users) { form in
                let login = try form.required("login", label: "Login")
                try await self.administration.setPassword(
                    login: login, password: try form.required("password", label: "New password"))
                return "Password of \(login) changed."
            }
        }
        console.post("devices/action") { request, context in
            await self.change(request, context, from: .devices) { try await self.performDeviceAction($0) }
        }
        console.post("policy") { request, context in
            await self.change(request, context, from: .policy) { form in
                let name = try form.required("name", label: "Setting")
                let value = try form.required("value", label: "Value")
                let login = form.optional("user")
                let stored = try await self.administration.setPolicy([(name, value)], for: login)
                return "\(name) is now \(value) in \(login.map { "the override for \($0)" } ?? "the default policy"), "
                    + "version \(stored.version)."
            }
        }
    }
}
