import Foundation
import TernAuth
import TernClient
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting

/// An in-process Tern server for the device to talk to: a fresh SQLite store with anna/secret,
/// listening on 127.0.0.1 at a port the system picks, and profile folders for devices.
final class LoopbackServer: Sendable {
    let data: TemporaryDirectory
    let profiles: TemporaryDirectory
    let store: SQLiteStore
    let user: User
    let endpoint: URL
    private let serving: Task<Void, any Error>

    init() async throws {
        data = try TemporaryDirectory("tern-client-server")
        profiles = try TemporaryDirectory("tern-client-profiles")
        store = try SQLiteStore(dataDirectory: data.path)
        user = try await store.createUser(
            NewUser(
                login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna",
                passwordHash: PasswordHash.make("secret", cost: 4)))
        let server = TernServer(store: store, configuration: ServerConfiguration(host: "127.0.0.1", port: 0))
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        serving = Task { try await server.run { announce.yield($0) } }
        var listening = ports.makeAsyncIterator()
        guard let port = await listening.next(),
            let endpoint = URL(string: "http://127.0.0.1:\(port)/Microsoft-Server-ActiveSync")
        else {
            throw ClientError(.network, "the test server did not start")
        }
        self.endpoint = endpoint
    }

    /// The profile folder of device `deviceID`.
    func profile(_ deviceID: String) -> URL {
        profiles.url.appending(path: deviceID)
    }

    /// Sets device `deviceID` up against this server in its own profile folder.
    func setUpDevice(_ deviceID: String, version: String? = nil, queryForm: QueryForm = .plain) async throws
        -> DeviceSession
    {
        let account = DeviceAccount(
            endpoint: endpoint, user: "anna", deviceID: deviceID, deviceType: "TernTest", queryForm: queryForm)
        return try await DeviceSession.setup(
            in: profile(deviceID), account: account, password: "secret", version: version)
    }

    /// The store's folder of `type` for anna.
    func folder(_ type: FolderType) async throws -> Folder {
        guard let folder = try await store.folders(of: user.id).first(where: { $0.type == type }) else {
            throw ClientError(.usage, "anna has no folder of type \(type)")
        }
        return folder
    }

    func stop() async {
        serving.cancel()
        _ = await serving.result
        data.remove()
        profiles.remove()
    }
}
