import Foundation
import TernClient
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting

/// The in-process test server (`TestServer`, anna/secret) with profile folders for devices.
final class LoopbackServer: Sendable {
    let server: TestServer
    let profiles: TemporaryDirectory

    init() async throws {
        server = try await TestServer()
        profiles = try TemporaryDirectory("tern-client-profiles")
    }

    var store: SQLiteStore { server.store }
    var user: User { server.user }
    var endpoint: URL { server.endpoint }
    var data: TemporaryDirectory { server.directory }

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
        await server.stop()
        profiles.remove()
    }
}
