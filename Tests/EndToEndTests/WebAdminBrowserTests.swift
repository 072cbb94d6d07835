import Foundation
import TernTesting
import Testing

/// Debian's chromium, chromium-driver and python3-selenium, which the browser test drives.
enum BrowserTools {
    static let python = URL(filePath: "/usr/bin/python3")
    static let chromium = "/usr/bin/chromium"
    static let driver = "/usr/bin/chromedriver"

    /// Whether all three are installed: both programs, and selenium for Debian's python3.
    static let installed: Bool = {
        let files = FileManager.default
        guard files.isExecutableFile(atPath: chromium), files.isExecutableFile(atPath: driver) else { return false }
        return (try? ChildProcess(python, ["-c", "import selenium"]).run().status) == 0
    }()

    /// Whether the browser tests run: the tools are here, or this is CI, which must have them.
    static let requested = installed || ProcessInfo.processInfo.environment["CI"] == "true"
}

/// The web admin console in a real headless browser against a real `tern serve`, driven by
/// `Browser/admin_console.py` (selenium): sign in, add a user, see the device `tern-device`
/// provisions as them, wipe it after a confirmation that names it, and watch the list show it
/// wiped, without a reload, once `tern-device` obeyed; a wrong token and a POST without the
/// CSRF token are refused. With `TERN_SCREENSHOTS=DIR` the script saves the device list (wide
/// and phone-sized) and the policy page there (how `Deploy/screenshots/` was made).
@Suite(.enabled(if: BrowserTools.requested))
struct WebAdminBrowserTests {
    static let token = "browser-test-admin-token-0123"

    @Test func anAdminWipesALostPhoneFromTheBrowser() async throws {
        try #require(BrowserTools.installed, "chromium, chromium-driver and python3-selenium come from .ci/run")
        let server = try await ServeProcess(environment: ["TERN_ADMIN_TOKEN": Self.token])
        defer { server.stop() }
        let script = Fixtures.repositoryRoot.appending(path: "Tests/EndToEndTests/Browser/admin_console.py")
        var arguments = [
            script.path, "--url", server.endpoint, "--token", Self.token, "--tern-device", ServeProcess.device.path,
            "--profile", server.profile("browser").path,
        ]
        if let screenshots = ProcessInfo.processInfo.environment["TERN_SCREENSHOTS"] {
            arguments += ["--screenshots", screenshots]
        }
        let result = try await ChildProcess(BrowserTools.python, arguments).runDetached()
        let output = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(result.status == 0, "\(output)\(result.standardError)")
        for step in [
            "a wrong token is refused", "the admin signs in with the token", "a user is added",
            "the device tern-device provisioned appears in the open list", "a dismissed confirmation changes nothing",
            "the console sends the wipe after a confirmation naming the device",
            "tern-device is wiped at its next command", "the list shows the device wiped without a reload",
            "a POST without the CSRF token is refused with 403",
            "the policy page changes settings and explains the rules",
            "signing out closes the session",
        ] {
            #expect(output.contains("ok: \(step)\n"), "\(step): \(output)\(result.standardError)")
        }
        #expect(output.hasSuffix("admin console: all steps passed\n"))
    }
}
