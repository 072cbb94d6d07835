import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

@testable import TernServer

/// The web console under `/admin/` over a real socket (curl): who gets in, what a change
/// needs, what a page shows of hostile data, and the headers every page carries.
@Suite(.serialized)
struct WebAdminConsoleTests {
    static let token = "console-test-admin-token-0123"
    static let form = ["Content-Type": "application/x-www-form-urlencoded"]

    /// A signed-in browser: its cookie and the CSRF token its pages carry.
    struct Browser {
        let cookie: String
        let csrf: String
    }

    static func signIn(_ server: RunningServer) async throws -> Browser {
        let reply = try await server.send(
            "POST", "/admin/sign-in", headers: form, body: Array("token=\(token)".utf8))
        #expect(reply.status == 303 && reply.headers["location"] == "/admin/devices", "\(reply.text)")
        let setCookie = try #require(reply.headers["set-cookie"])
        let cookie = try #require(setCookie.split(separator: ";").first.map(String.init))
        let page = try await server.send("GET", "/admin/users", headers: ["Cookie": cookie])
        let csrf = try #require(page.text.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/).map { String($0.1) })
        return Browser(cookie: cookie, csrf: csrf)
    }

    static func post(_ server: RunningServer, _ path: String, _ body: String, cookie: String?) async throws
        -> RunningServer.HTTPReply
    {
        try await server.send(
            "POST", path, headers: form.merging(cookie.map { ["Cookie": $0] } ?? [:]) { $1 }, body: Array(body.utf8))
    }

    @Test func withoutAnAdminTokenTheConsoleIs404() async throws {
        try await RunningServer.with { server async throws in
            for path in ["/admin/", "/admin", "/admin/sign-in", "/admin/devices", "/admin/console.js"] {
                #expect(try await server.send("GET", path).status == 404, "\(path)")
            }
            #expect(try await Self.post(server, "/admin/sign-in", "token=x", cookie: nil).status == 404)
        }
    }

    @Test func signingInSetsAStrictHttpOnlyRandomSessionCookie() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            let start = try await server.send("GET", "/admin/")
            #expect(start.status == 303 && start.headers["location"] == "/admin/sign-in")
            let signInPage = try await server.send("GET", "/admin/sign-in")
            #expect(signInPage.status == 200 && signInPage.text.contains("<label for=\"token\">Admin token</label>"))

            let script = try await server.send("GET", "/admin/console.js")
            #expect(script.status == 200 && script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("window.confirm(question)"))
            let style = try await server.send("GET", "/admin/console.css")
            #expect(style.headers["content-type"] == "text/css; charset=utf-8")

            let wrong = try await Self.post(
                server, "/admin/sign-in", "token=console-test-admin-token-0124", cookie: nil)
            #expect(wrong.status == 401 && wrong.headers["set-cookie"] == nil)
            #expect(wrong.text.contains("That is not the admin token."))

            let first = try await server.send(
                "POST", "/admin/sign-in", headers: Self.form, body: Array("token=\(Self.token)".utf8))
            let cookie = try #require(first.headers["set-cookie"])
            #expect(
                cookie.wholeMatch(of: /tern_admin=[0-9a-f]{64}; Path=\/admin; HttpOnly; SameSite=Strict/) != nil,
                "\(cookie)")
            let second = try #require(
                try await Self.post(server, "/admin/sign-in", "token=\(Self.token)", cookie: nil).headers["set-cookie"])
            #expect(second != cookie, "each sign-in gets a session of its own")

            let id = try #require(cookie.split(separator: ";").first.map(String.init))
            let devices = try await server.send("GET", "/admin/devices", headers: ["Cookie": id])
            #expect(devices.status == 200)
            #expect(devices.headers["content-security-policy"]?.contains("script-src 'self'") == true)
            #expect(devices.headers["x-frame-options"] == "DENY")
            #expect(devices.headers["cache-control"] == "no-store")
            #expect(devices.text.contains("<meta name=\"viewport\""))
            #expect(!devices.text.contains("<script>"), "no inline script")

            let forged = try await server.send(
                "GET", "/admin/devices", headers: ["Cookie": "tern_admin=" + String(repeating: "0", count: 64)])
            #expect(forged.status == 303 && forged.headers["location"] == "/admin/sign-in")
            let state = try await server.send("GET", "/admin/devices/state")
            #expect(state.status == 401)
        }
    }

    @Test func overTLSTheCookieIsSecure() async throws {
        let certificates = try TemporaryDirectory("tern-console-tls")
        defer { certificates.remove() }
        let files = try TLSTests.makeCertificate("console", in: certificates)
        let server = try await RunningServer(adminToken: Self.token, tuning: { $0.tls = files })
        let reply: (status: Int, headers: [String: String], body: [UInt8])
        do {
            reply = try await server.curl(
                [
                    "-X", "POST", "--cacert", files.certificateFile, "-H",
                    "Content-Type: application/x-www-form-urlencoded",
                ],
                url: "https://127.0.0.1:\(server.port)/admin/sign-in", payload: Array("token=\(Self.token)".utf8))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        #expect(reply.status == 303)
        #expect(reply.headers["set-cookie"]?.hasSuffix("; HttpOnly; SameSite=Strict; Secure") == true)
    }

    @Test func aChangeWithoutItsSessionsCSRFTokenIs403() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            let browser = try await Self.signIn(server)
            let other = try await Self.signIn(server)
            let user = "login=bea&address=bea%40tern.example&password=pw"
            let attempts: [(body: String, cookie: String?)] = [
                (user, browser.cookie),
                (user + "&csrf=", browser.cookie),
                (user + "&csrf=" + String(browser.csrf.reversed()), browser.cookie),
                (user + "&csrf=" + other.csrf, browser.cookie),
                (user + "&csrf=" + browser.csrf, nil),
            ]
            for (body, cookie) in attempts {
                let refused = try await Self.post(server, "/admin/users", body, cookie: cookie)
                #expect(refused.status == 403, "\(body) \(cookie ?? "no cookie")")
            }
            #expect(try await server.store.user(login: "bea") == nil)

            let added = try await Self.post(
                server, "/admin/users", user + "&csrf=" + browser.csrf, cookie: browser.cookie)
            #expect(added.status == 303 && added.headers["location"] == "/admin/users")
            #expect(try await server.store.user(login: "bea")?.emailAddresses == ["bea@tern.example"])
            let shown = try await server.send("GET", "/admin/users", headers: ["Cookie": browser.cookie])
            #expect(shown.text.contains("User bea added."))

            let viaHeader = try await server.send(
                "POST", "/admin/users/remove",
                headers: Self.form.merging(["Cookie": browser.cookie, "X-CSRF-Token": browser.csrf]) { $1 },
                body: Array("login=bea".utf8))
            #expect(viaHeader.status == 303)
            #expect(try await server.store.user(login: "bea") == nil)

            let signedOut = try await Self.post(
                server, "/admin/sign-out", "csrf=" + browser.csrf, cookie: browser.cookie)
            #expect(signedOut.status == 303 && signedOut.headers["set-cookie"]?.contains("Max-Age=0") == true)
            #expect(
                try await server.send("GET", "/admin/users", headers: ["Cookie": browser.cookie]).headers["location"]
                    == "/admin/sign-in")
        }
    }

    @Test func fiveWrongTokensLockTheAddressOutEvenForTheRightOne() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            for attempt in 1...SignInLockout.maxFailures {
                let wrong = try await Self.post(server, "/admin/sign-in", "token=guess\(attempt)", cookie: nil)
                #expect(wrong.status == 401, "attempt \(attempt)")
            }
            let locked = try await Self.post(server, "/admin/sign-in", "token=\(Self.token)", cookie: nil)
            #expect(locked.status == 429)
            #expect(locked.headers["retry-after"] == "900")
            #expect(locked.headers["set-cookie"] == nil)
            #expect(locked.text.contains("Too many wrong tokens"))
        }
    }

    @Test func aScriptAsDeviceModelStaysText() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            _ = try await server.provision(deviceID: "XSS1")
            var device = try #require(try await server.store.device(of: server.user.id, deviceID: "XSS1"))
            device.information.model = "<script>alert(1)</script>"
            _ = try await server.store.saveDevice(device)
            let browser = try await Self.signIn(server)
            let page = try await server.send("GET", "/admin/devices", headers: ["Cookie": browser.cookie])
            #expect(page.status == 200)
            #expect(!page.text.contains("<script>alert"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(
                page.text.contains(
                    "data-confirm=\"Wipe &lt;script&gt;alert(1)&lt;/script&gt; (anna&#39;s device XSS1)?"))
        }
    }

    @Test func aWipeFromTheConsoleIsPendingInTheStateFeed() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            _ = try await server.provision(deviceID: "WIPE1")
            let browser = try await Self.signIn(server)
            let wipe = try await Self.post(
                server, "/admin/devices/action", "user=anna&device=WIPE1&action=wipe&filter=anna&csrf=\(browser.csrf)",
                cookie: browser.cookie)
            #expect(wipe.status == 303 && wipe.headers["location"] == "/admin/devices?user=anna")
            let state = try await server.send(
                "GET", "/admin/devices/state?user=anna", headers: ["Cookie": browser.cookie])
            let rows = try #require(try state.json() as? [[String: String]])
            #expect(rows.count == 1 && rows.first?["key"] == "anna/WIPE1")
            #expect(rows.first?["wipe"]?.hasPrefix("wipe pending since ") == true, "\(rows)")
            let device = try #require(try await server.store.device(of: server.user.id, deviceID: "WIPE1"))
            #expect(device.wipe != .none)
        }
    }

    @Test func anAccountOnlyWipeIsOfferedToA16_1DeviceOnly() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            _ = try await server.provision(version: "16.1", deviceID: "NEW16")
            _ = try await server.provision(version: "14.1", deviceID: "OLD14")
            let browser = try await Self.signIn(server)
            let page = try await server.send("GET", "/admin/devices", headers: ["Cookie": browser.cookie])
            let offers = page.text.matches(of: /aria-label="Wipe account only [^"]*device (\w+)\)"/).map {
                String($0.1)
            }
            #expect(offers == ["NEW16"], "\(offers)")
            let wipe = try await Self.post(
                server, "/admin/devices/action", "user=anna&device=NEW16&action=account-wipe&csrf=\(browser.csrf)",
                cookie: browser.cookie)
            #expect(wipe.status == 303 && wipe.headers["location"] == "/admin/devices")
            let state = try await server.send("GET", "/admin/devices/state", headers: ["Cookie": browser.cookie])
            let rows = try #require(try state.json() as? [[String: String]])
            let wiping = try #require(rows.first { $0["key"] == "anna/NEW16" })
            #expect(wiping["wipe"]?.hasPrefix("account wipe pending since ") == true, "\(wiping)")
            let device = try #require(try await server.store.device(of: server.user.id, deviceID: "NEW16"))
            guard case .requested(accountOnly: true, _) = device.wipe else {
                Issue.record("not an account-only wipe: \(device.wipe)")
                return
            }
        }
    }

    @Test func badFormsAreRefusedOnThePageWithTheReason() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            _ = try await server.provision(deviceID: "OLD1")
            let browser = try await Self.signIn(server)
            let csrf = "&csrf=" + browser.csrf
            let cases: [(path: String, body: String, status: Int, says: String)] = [
                ("/admin/users", "login=bea&address=bea%40tern.example&password=+", 400, "Password is required"),
                ("/admin/users", "login=bea&address=bea&password=pw", 400, "bea is not an email address"),
                ("/admin/users", "login=anna&address=a%40tern.example&password=pw", 409, "already exists"),
                ("/admin/users/password", "login=nobody&password=pw", 404, "no user nobody"),
                (
                    "/admin/devices/action", "user=anna&device=OLD1&action=explode", 400,
                    "there is no device action explode"
                ),
                ("/admin/devices/action", "user=anna&device=NONE&action=wipe", 404, "anna has no device NONE"),
                (
                    "/admin/devices/action", "user=anna&device=OLD1&action=account-wipe", 400,
                    "an account-only wipe needs a device speaking EAS 16.1"
                ),
                ("/admin/policy", "name=MinDevicePasswordLength&value=many", 400, "does not take the value many"),
                ("/admin/users", "login=%ZZ", 400, "the form is not properly encoded"),
            ]
            for item in cases {
                let reply = try await Self.post(server, item.path, item.body + csrf, cookie: browser.cookie)
                #expect(reply.status == item.status, "\(item.body): \(reply.status)")
                #expect(reply.text.contains(item.says), "\(item.body): \(reply.text)")
                #expect(reply.text.contains("role=\"alert\""))
            }
            let large = String(repeating: "a", count: 20_000)
            let tooLarge = try await Self.post(server, "/admin/users", "login=" + large + csrf, cookie: browser.cookie)
            #expect(tooLarge.status == 413)
            #expect(try await server.store.device(of: server.user.id, deviceID: "OLD1")?.wipe == WipeState.none)
        }
    }

    @Test func thePolicyPageExplainsThePINRulesInWords() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            let browser = try await Self.signIn(server)
            for (name, value) in [
                ("DevicePasswordEnabled", "1"), ("MinDevicePasswordLength", "6"),
                ("MaxDevicePasswordFailedAttempts", "8"),
            ] {
                let set = try await Self.post(
                    server, "/admin/policy", "name=\(name)&value=\(value)&csrf=\(browser.csrf)", cookie: browser.cookie)
                #expect(set.status == 303)
            }
            let bruno = try await server.createOtherUser()
            _ = try await server.store.setPolicy(DevicePolicy(devicePasswordEnabled: false), for: bruno.id)
            let page = try await server.send("GET", "/admin/policy", headers: ["Cookie": browser.cookie])
            #expect(page.text.contains("Devices must be locked with a PIN of at least 6 characters"))
            #expect(page.text.contains("After 8 wrong PINs in a row the device wipes itself."))
            #expect(page.text.contains("Override for bruno"))
            #expect(page.text.contains("Devices need no PIN."))
            let queue = try await server.send("GET", "/admin/queue", headers: ["Cookie": browser.cookie])
            #expect(queue.status == 200 && queue.text.contains("The queue is empty"))
        }
    }
}
