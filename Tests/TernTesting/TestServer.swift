public import Foundation
import Logging
import ServiceLifecycle
import TernAuth
public import TernServer
public import TernStore
public import TernStoreSQLite

/// A Tern server in this process on 127.0.0.1 and a free port, on a fresh data folder with
/// user anna/secret: the one server helper of the tests. Heartbeats and held requests run on
/// `clock`, which a test may move by hand (`ManualClock`).
public final class TestServer: Sendable {
    public let directory: TemporaryDirectory
    public let store: SQLiteStore
    public let user: User
    public let port: Int
    private let server: TernServer
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// `adminToken` and `publicURL` go into the server's configuration, then `tuning` may
    /// change any other setting. `reopening` starts the server on the data of one that was
    /// shut down (see `restarted`).
    public init(
        adminToken: String? = nil, publicURL: String? = nil, reopening existing: TemporaryDirectory? = nil,
        clock: any Clock<Duration> = ContinuousClock(), tuning: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws {
        await ServerSlots.shared.acquire()
        do {
            directory = try existing ?? TemporaryDirectory("tern-server")
            store = try SQLiteStore(dataDirectory: directory.path)
            if existing != nil, let anna = try await store.user(login: "anna") {
                user = anna
            } else {
                user = try await store.createUser(
                    NewUser(
                        login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna",
                        passwordHash: PasswordHash.make("secret", cost: 4)))
            }
        } catch {
            await ServerSlots.shared.release()
            throw error
        }
        var configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, schemaDirectory: Fixtures.repositoryRoot.appending(path: "Schemas").path,
            adminToken: adminToken, publicURL: publicURL)
        tuning(&configuration)
        do {
            server = try TernServer(store: store, configuration: configuration, clock: clock)
        } catch {
            await ServerSlots.shared.release()
            throw error
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let group = ServiceGroup(
            configuration: .init(
                services: [try server.service { continuation.yield($0) }], logger: Logger(label: "tern-test")))
        self.group = group
        task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        port = await iterator.next() ?? 0
    }

    /// The ActiveSync endpoint's URL.
    public var endpoint: URL {
        URL(string: "http://127.0.0.1:\(port)/Microsoft-Server-ActiveSync")!
    }

    /// How many Pings and Syncs with Wait the server holds now.
    public var heldRequestCount: Int { server.heldRequestCount }

    /// The certificate the server speaks HTTPS with (self-signed in tests, so also the CA a
    /// client trusts); nil for plain HTTP.
    public var certificateFile: String? { server.configuration.tls?.certificateFile }

    /// Reads the certificate files again, as SIGHUP does.
    public func reloadCertificates() throws {
        try server.reloadCertificates()
    }

    /// How the server has checked sign-ins since it started.
    public var passwordCheckFigures: PasswordCheckFigures { server.passwordCheckFigures }

    /// Request body bytes the server's connections hold now.
    public var bufferedRequestBytes: Int { server.bufferedRequestBytes }

    /// Waits until the server holds exactly `count` requests (a Ping sent by another task
    /// reached it, or one whose client hung up was let go); false when not within 10 s.
    @discardableResult
    public func waitUntilHeld(_ count: Int = 1) async -> Bool {
        await eventually { self.heldRequestCount == count }
    }

    /// A second user, bruno/other, whose data anna must never reach.
    public func createOtherUser() async throws -> User {
        try await store.createUser(
            NewUser(
                login: "bruno", emailAddresses: ["bruno@tern.example"], displayName: "Bruno",
                passwordHash: PasswordHash.make("other", cost: 4)))
    }

    public func stop() async {
        task.cancel()
        _ = await task.result
        directory.remove()
        await ServerSlots.shared.release()
    }

    /// Shuts the server down as SIGTERM does, without removing its data.
    public func shutDownGracefully() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }

    /// Shuts this server down gracefully and starts a new one, on another port, on the same
    /// data, with `tuning` applied as at the start; stop the new one, not this one.
    public func restarted(tuning: (inout ServerConfiguration) -> Void = { _ in }) async throws -> TestServer {
        try await shutDownGracefully()
        await ServerSlots.shared.release()
        return try await TestServer(reopening: directory, tuning: tuning)
    }
}

/// Bounds how many in-process servers run at once: Swift Testing runs every test in parallel,
/// and on a 2-core machine dozens of servers with their curl clients starved each other until
/// curl gave up. Tests beyond the limit wait for a slot.
actor ServerSlots {
    static let shared = ServerSlots(limit: 4)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
