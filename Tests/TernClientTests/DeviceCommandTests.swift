import Foundation
import TernAdmin
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// The built `tern-device` binary against an in-process server: setup, sync and ls, and the
/// exit codes the issue fixes (2 usage, 3 authentication, 5 wiped).
@Suite struct DeviceCommandTests {
    static let binary = ChildProcess.builtProduct("tern-device")

    /// Runs `tern-device` with `--profile` pointing at the device's folder.
    private func device(
        _ arguments: [String], _ server: LoopbackServer, input: String = ""
    ) async throws -> (status: Int32, output: String, error: String) {
        let result = try await ChildProcess(Self.binary, arguments + ["--profile", server.profile("cli").path])
            .runDetached(standardInput: Array(input.utf8))
        return (result.status, String(decoding: result.standardOutput, as: UTF8.self), result.standardError)
    }

    private func setUp(_ server: LoopbackServer, password: String = "secret") async throws -> (
        status: Int32, output: String, error: String
    ) {
        try await device(
            [
                "setup", "--server", server.endpoint.absoluteString, "--user", "anna", "--device-id", "cli",
                "--password-stdin",
            ], server,
            input: password + "\n")
    }

    @Test func setupSyncAndListShowTheMailboxAndWipeEndsWithExit5() async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        let raw =
            "From: Bob <bob@example.org>\r\nTo: anna@tern.example\r\nSubject: Lunch?\r\nDate: Tue, 1 Dec 2026 09:00:00 +0000\r\n\r\nAt noon.\r\n"
        let mail = try await MailDelivery(store: server.store).deliver(Array(raw.utf8), to: "anna@tern.example")

        let setup = try await setUp(server)
        #expect(setup.status == 0, "\(setup.error)")
        #expect(setup.output.contains("protocol 16.1, provisioned"))
        let sync = try await device(["sync"], server)
        #expect(sync.status == 0, "\(sync.error)")
        #expect(sync.output.contains("Inbox: 1 added, 0 changed, 0 deleted\n"))

        let listed = try await device(["ls", "Inbox", "--json"], server)
        #expect(listed.status == 0, "\(listed.error)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["id"] as? String == mail.serverID)
        #expect(items.first?["title"] as? String == "Lunch?")
        let table = try await device(["ls", "Inbox"], server)
        #expect(table.output.hasPrefix("ID"))
        #expect(table.output.contains("Lunch?"))

        _ = try await Administration(store: server.store).wipe(login: "anna", deviceID: "cli", accountOnly: false)
        let wiped = try await device(["sync"], server)
        #expect(wiped.status == 5)
        #expect(wiped.error.hasPrefix("tern-device: ") && wiped.error.split(separator: "\n").count == 1)
        let status = try await device(["wipe-status"], server)
        #expect(status.output.hasPrefix("Wiped at "))
    }

    @Test func aWrongPasswordExitsWith3AndBadUsageWith2() async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        let refused = try await setUp(server, password: "wrong")
        #expect(refused.status == 3)
        #expect(refused.error == "tern-device: the server refused the user name or password\n")
        let usage = try await device(["setup", "--server", "ftp://x", "--user", "anna"], server)
        #expect(usage.status == 2)
        let missing = try await device(["folders"], server)
        #expect(missing.status == 2, "no profile yet")
    }
}
