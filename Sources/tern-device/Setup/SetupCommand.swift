import ArgumentParser
import Foundation
import TerminalOutput
import TernClient

/// `tern-device setup --server URL --user NAME [...]`: a new device in the profile folder.
struct SetupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Set up this device: negotiate the protocol, provision, and fetch the folder list.",
        discussion: """
            The password comes from --password-stdin (its first line) or $TERN_DEVICE_PASSWORD. It is \
            kept in DIR/profile.json (mode 0600), sealed with the key of the local cache; that key is \
            wrapped by the PIN once `tern-device pin set` sets one, and sits beside it until then. If the \
            server's policy asks for a PIN, setup stops with exit 4 until one is set. An earlier profile in \
            the folder is replaced.
            """
    )

    @Option(help: ArgumentHelp("The server, https://host or the full ActiveSync URL.", valueName: "URL"))
    var server: String

    @Option(help: ArgumentHelp("The user name to sign in with.", valueName: "NAME"))
    var user: String

    @Option(
        name: .customLong("device-id"),
        help: ArgumentHelp("1 to 32 letters and digits; random when left out.", valueName: "ID"))
    var deviceID: String?

    @Option(name: .customLong("device-type"), help: ArgumentHelp("The DeviceType sent.", valueName: "T"))
    var deviceType = "TernDevice"

    @Option(
        name: .customLong("protocol"),
        help: ArgumentHelp("Speak this version (default: the highest both sides know).", valueName: "V"))
    var protocolVersion: String?

    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
    var passwordFromStandardInput = false

    @Flag(help: "Accept any TLS certificate (a test server's self-signed one).")
    var insecure = false

    @Flag(name: .customLong("base64-query"), help: "Send the request line in the base64 query form.")
    var base64Query = false

    @Flag(help: "Print the new profile's status as JSON.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func validate() throws {
        guard DeviceAccount.endpoint(forServer: server) != nil else {
            throw ValidationError("--server must be an http or https URL with a host, not \"\(server)\"")
        }
        if let deviceID,
            deviceID.isEmpty || deviceID.count > 32
                || !deviceID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        {
            throw ValidationError("--device-id must be 1 to 32 letters and digits")
        }
    }

    func run() async throws {
        let password = try readPassword()
        guard let endpoint = DeviceAccount.endpoint(forServer: server) else {
            throw failure("bad --server", exitCode: DeviceExit.usage)
        }
        let account = DeviceAccount(
            endpoint: endpoint, user: user, deviceID: deviceID ?? Self.randomDeviceID(), deviceType: deviceType,
            insecure: insecure, queryForm: base64Query ? .base64 : .plain)
        let report: StatusReport
        do {
            let session = try await DeviceSession.setup(
                in: profile.directory, account: account, password: password, version: protocolVersion)
            report = try await StatusReport(session)
            await session.close()
        } catch {
            throw failure(error)
        }
        if json {
            try printJSON(report)
            return
        }
        print(
            "Set up \(user) on \(endpoint.absoluteString) as device \(account.deviceID): protocol \(report.protocolVersion), "
                + "provisioned, \(report.folders) folders.")
        print(
            "The password is kept in \(profile.directory.appending(path: "profile.json").path), sealed with the cache key; "
                + "`tern-device pin set` protects that key with a PIN.")
    }

    private func readPassword() throws -> String {
        if passwordFromStandardInput {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw failure("--password-stdin: no password on standard input", exitCode: DeviceExit.usage)
            }
            return line
        }
        guard let password = ProcessInfo.processInfo.environment["TERN_DEVICE_PASSWORD"], !password.isEmpty else {
            throw failure("no password: use --password-stdin or set TERN_DEVICE_PASSWORD", exitCode: DeviceExit.usage)
        }
        return password
    }

    /// `tern` and 16 hex digits, unique enough that two set-ups never share a partnership.
    private static func randomDeviceID() -> String {
        "tern" + UUID().uuidString.replacing("-", with: "").prefix(16)
    }
}
