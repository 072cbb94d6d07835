import ActiveSync
import Foundation
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// A server on a manual clock (a test moves time past a heartbeat instead of sleeping
/// through it) and a provisioned device whose Inbox is synced, so that a Ping on it waits.
struct PushFixture {
    let server: RunningServer
    let clock: ManualClock
    let device: DeviceSession
    let inbox: Folder
    let calendar: Folder

    /// `realClock` runs the server on real time, for a test of socket limits that NIO times.
    static func start(
        deviceID: String = "phone", realClock: Bool = false,
        tuning: @escaping (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> PushFixture {
        let clock = ManualClock()
        let server = try await RunningServer(clock: realClock ? ContinuousClock() : clock) { configuration in
            configuration.minHeartbeat = 1
            tuning(&configuration)
        }
        let device = try await server.session(deviceID: deviceID)
        let folders = try await server.store.folders(of: server.user.id)
        let fixture = PushFixture(
            server: server, clock: clock, device: device, inbox: try #require(folders.first { $0.type == .inbox }),
            calendar: try #require(folders.first { $0.type == .calendar }))
        try await fixture.prime(fixture.inbox, on: device)
        return fixture
    }

    /// Syncs the hierarchy (a device that never did is told to, Status 7) and `folder` on
    /// `device` to key 1, so its (empty) contents count as synced.
    func prime(_ folder: Folder, on device: DeviceSession) async throws {
        _ = try await device.send("FolderSync", RunningServer.folderSync("0"))
        _ = try await SyncOverHTTPTests.start(device, collection: folder.serverID)
    }

    static func ping(heartbeat: Int?, folders: [Folder]?) -> WBXMLElement {
        PingRequest(
            heartbeatInterval: heartbeat,
            folders: folders?.map { folder in
                PingFolder(id: folder.serverID, class: folder.type == .calendar ? "Calendar" : "Email")
            }
        ).element
    }

    /// Sends a Ping and returns its parsed response and how long it took.
    func ping(_ body: WBXMLElement?, on device: DeviceSession? = nil) async throws -> (
        reply: RunningServer.Reply, elapsed: Duration
    ) {
        let device = device ?? self.device
        let started = ContinuousClock.now
        let reply = try await server.post(
            "Ping", body: body, version: device.version, policyKey: device.policyKey, deviceID: device.deviceID)
        return (reply, ContinuousClock.now - started)
    }

    /// Delivers a message to anna's Inbox through this process's store.
    func deliver(_ subject: String = "Hello") async throws {
        _ = try await MailDelivery(store: server.store).deliver(
            Array("Subject: \(subject)\r\n\r\nbody\r\n".utf8), to: "anna@tern.example")
    }

    /// Waits until `count` requests sent by other tasks are held by the hub.
    func waitUntilHeld(_ count: Int = 1) async {
        #expect(await server.waitUntilHeld(count), "\(count) request(s) held")
    }

    /// Waits until the requests are held, then moves time past their heartbeat.
    func passHeartbeat(of seconds: Int, held count: Int = 1) async {
        await waitUntilHeld(count)
        clock.advance(by: .seconds(seconds))
    }
}

extension RunningServer.Reply {
    var ping: PingResponse? { body.flatMap(PingResponse.init) }
}
