import Foundation
import TernAuth
import TernStore
import TernStoreSQLite
import TernTesting

/// A `tern serve` child process on 127.0.0.1 at a port it picks, over a fresh data folder
/// with anna/secret, and the `tern-device` and `tern` binaries to drive it with.
///
/// Unchecked: `Process` is not Sendable, and this one is only started in `init` and ended in `stop()`.
final class ServeProcess: @unchecked Sendable {
    static let tern = ChildProcess.builtProduct("tern")
    static let device = ChildProcess.builtProduct("tern-device")

    let folder: TemporaryDirectory
    private(set) var endpoint: String
    private(set) var process: Process
    /// The `serve` command line and environment, kept for `killAndRestart()`.
    private let serveArguments: [String]
    private let serveEnvironment: [String: String]

    var data: String { folder.url.appending(path: "data").path }

    /// Starts the server, with `arguments` added to its command line and `environment` to
    /// its environment (`TERN_ADMIN_TOKEN`), once `settings` (policy name, value) are the
    /// default policy.
    init(policy settings: [(String, String)] = [], arguments: [String] = [], environment: [String: String] = [:])
        async throws
    {
        folder = try TemporaryDirectory("tern-e2e")
        let data = folder.url.appending(path: "data").path
        let store = try SQLiteStore(dataDirectory: data)
        _ = try await store.createUser(
            NewUser(
                login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna",
                passwordHash: PasswordHash.make("secret", cost: 4)))
        for (name, value) in settings {
            let result = try ChildProcess(Self.tern, ["policy", "set", name, value, "--data", data]).run()
            guard result.status == 0 else { throw ServeError(message: "tern policy set: \(result.standardError)") }
        }
        serveArguments = ["serve", "--listen", "127.0.0.1:0", "--data", data] + arguments
        serveEnvironment = environment
        let port: String
        (process, port) = try Self.launch(serveArguments, environment: environment)
        endpoint = "http://127.0.0.1:\(port)"
    }

    /// Kills the server with SIGKILL, as a crash or the OOM killer would, and starts it again
    /// on the same data (on another port).
    func killAndRestart() throws {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let port: String
        (process, port) = try Self.launch(serveArguments, environment: serveEnvironment)
        endpoint = "http://127.0.0.1:\(port)"
    }

    /// Starts `tern` with `arguments` (a `serve` command) and waits for its "listening on"
    /// line; returns the process and the port it listens on.
    static func launch(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, port: String) {
        let process = Process()
        process.executableURL = tern
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var said = ""
        while !said.contains("tern: listening on") || !said.hasSuffix("\n") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        guard let port = said.firstMatch(of: /tern: listening on https?:\/\/127\.0\.0\.1:(\d+)\//).map({ String($0.1) })
        else {
            process.terminate()
            process.waitUntilExit()
            throw ServeError(message: "tern serve did not start: \(said)")
        }
        return (process, port)
    }

    /// The profile folder of device `name`.
    func profile(_ name: String) -> URL {
        folder.url.appending(path: "profiles/\(name)")
    }

    /// Runs `tern-device ARGUMENTS --profile <name's folder>` with `input` on stdin and, through
    /// `env`, the `environment` variables set.
    func device(_ name: String, _ arguments: [String], input: String = "", environment: [String: String] = [:])
        async throws -> Outcome
    {
        let program = environment.isEmpty ? Self.device : URL(filePath: "/usr/bin/env")
        let settings = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let command =
            (environment.isEmpty ? [] : settings + [Self.device.path]) + arguments + ["--profile", profile(name).path]
        let result = try await ChildProcess(program, command).runDetached(standardInput: Array(input.utf8))
        return Outcome(
            status: result.status, output: String(decoding: result.standardOutput, as: UTF8.self),
            error: result.standardError)
    }

    /// `tern-device setup` for device `name` as anna.
    func setUp(_ name: String) async throws -> Outcome {
        try await device(
            name, ["setup", "--server", endpoint, "--user", "anna", "--device-id", name, "--password-stdin"],
            input: "secret\n")
    }

    /// Runs `tern ARGUMENTS --data <data>` with `input` on stdin.
    func tern(_ arguments: [String], input: [UInt8] = []) throws -> Outcome {
        let result = try ChildProcess(Self.tern, arguments + ["--data", data]).run(standardInput: input)
        return Outcome(
            status: result.status, output: String(decoding: result.standardOutput, as: UTF8.self),
            error: result.standardError)
    }

    /// Delivers a message to anna with `subject` and `body`.
    func deliver(subject: String, body: String) throws -> Outcome {
        let message =
            "From: Bob <bob@example.org>\r\nTo: anna@tern.example\r\nSubject: \(subject)\r\nDate: Tue, 1 Dec 2026 09:00:00 +0000\r\n\r\n\(body)\r\n"
        return try tern(["deliver", "--to", "anna@tern.example"], input: Array(message.utf8))
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
        folder.remove()
    }

    /// What one child run left: exit status, stdout, stderr.
    struct Outcome: Sendable, CustomStringConvertible {
        let status: Int32
        let output: String
        let error: String

        /// stderr is one `tern-device: ` line.
        var saidOneLine: Bool { error.hasPrefix("tern-device: ") && error.split(separator: "\n").count == 1 }

        var description: String {
            "exit \(status), stdout \(output.debugDescription), stderr \(error.debugDescription)"
        }
    }

    struct ServeError: Error {
        let message: String
    }
}
