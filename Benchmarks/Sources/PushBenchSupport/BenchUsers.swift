import ActiveSync
import Foundation
import Synchronization
import TernAuth
import TernStore
import TernSync

/// The push benchmarks' users: `u<i>` (password `secret`, address `u<i>@bench.example`),
/// each with one provisioned 14.1 device `D<i>` whose Inbox is synced once, so that its
/// Ping waits instead of answering at once. Set up straight through the store and the sync
/// engine, not over HTTP.
public enum BenchUsers {
    public static let policyKey: UInt32 = 0x5EED

    /// Sets up users 0 to `count`-1, `lanes` at a time (each step waits on the database),
    /// calling `progress` with the number done every 10,000; returns the Inbox's server id,
    /// which is the same for every user.
    public static func setUp(
        count: Int, in store: any Store, lanes: Int, progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws -> String {
        let passwordHash = PasswordHash.make("secret", cost: 4)
        let done = Counter()
        return try await withThrowingTaskGroup(of: String.self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    var inbox = ""
                    for index in stride(from: lane, to: count, by: lanes) {
                        inbox = try await setUp(index, in: store, passwordHash: passwordHash)
                        let total = done.increment()
                        if total % 10_000 == 0 { progress(total) }
                    }
                    return inbox
                }
            }
            var inbox = ""
            for try await laneInbox in group where !laneInbox.isEmpty { inbox = laneInbox }
            return inbox
        }
    }

    /// Sets up user `index` and its device; returns the Inbox's server id.
    private static func setUp(_ index: Int, in store: any Store, passwordHash: String) async throws -> String {
        let user = try await store.createUser(
            NewUser(
                login: "u\(index)", emailAddresses: ["u\(index)@bench.example"], displayName: "U\(index)",
                passwordHash: passwordHash))
        let device = try await store.saveDevice(
            Device(
                id: 0, userID: user.id, deviceID: "D\(index)", deviceType: "Bench", protocolVersion: "14.1",
                provisioning: .provisioned(key: policyKey, policyVersion: 0), firstSeen: Date(), lastSeen: Date()))
        guard let inbox = try await store.folders(of: user.id).first(where: { $0.type == .inbox }) else {
            fatalError("no inbox")
        }
        // A device pings only after FolderSync (Status 7 before it), then a primed Inbox.
        _ = try await HierarchySync(store: store, userID: user.id, deviceID: device.id).folderSync(
            FolderSyncRequest(syncKey: "0"))
        let engine = SyncEngine(store: store, userID: user.id, deviceID: device.id, protocolVersion: .v14_1)
        _ = try await engine.sync(
            SyncRequest(collections: [SyncCollectionRequest(syncKey: "0", collectionID: inbox.serverID)]))
        return inbox.serverID
    }

    /// Counts users set up across lanes.
    private final class Counter: Sendable {
        private let value = Mutex(0)
        func increment() -> Int {
            value.withLock {
                $0 += 1
                return $0
            }
        }
    }
}
