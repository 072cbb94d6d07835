import ActiveSync
import Foundation
import Synchronization
import TernStore
import TernStoreSQLite
import Testing
import WBXML

@testable import TernClient

/// A Sync whose answer is lost on the way back is sent again as it was, with the same key;
/// the server answers it as before and applies its Add only once (MS-ASCMD 3.1.5.3).
@Suite struct ResendTests {
    /// Forwards every request to the server but throws away the answer to the first Sync that
    /// carries commands, as a connection dropped after the server committed would.
    final class LosingTransport: EASExchanging {
        let server: EASTransport
        let lost = Mutex(false)

        init(_ server: EASTransport) { self.server = server }

        func send(
            _ command: Command, body: WBXMLElement?, version: ProtocolVersion, policyKey: UInt32?, timeout: Duration
        ) async throws -> WBXMLElement? {
            let answer = try await server.send(
                command, body: body, version: version, policyKey: policyKey, timeout: timeout)
            let carriesCommands =
                body.flatMap { try? SyncRequest($0) }?.collections.contains { !$0.commands.isEmpty } ?? false
            guard command == .sync, carriesCommands else { return answer }
            let losesThisOne = lost.withLock { lost in
                defer { lost = true }
                return !lost
            }
            if losesThisOne {
                throw ClientError(.network, "the connection broke before the answer")
            }
            return answer
        }

        func shutdown() async throws { try await server.shutdown() }
    }

    @Test func anAddWhoseAnswerWasLostIsResentAndStoredOnce() async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        await (try await server.setUpDevice("phone")).close()
        var profile = try DeviceProfile.load(from: server.profile("phone"))
        let losing = LosingTransport(EASTransport(account: profile.record.account, password: "secret"))
        let phone = try DeviceSession(profile: profile, key: try profile.unlockedKey(pin: nil), transport: losing)
        defer { Task { await phone.close() } }

        let added = try await phone.add(.task(subject: "Only once", due: nil))
        #expect(losing.lost.withLock { $0 }, "the first answer was thrown away")
        #expect(try await phone.item(added.serverID).title == "Only once")
        let tasks = try await server.folder(.tasks).id
        #expect(try await server.store.itemCount(in: tasks) == 1, "the resent Add was not applied twice")
        #expect(try await server.store.item(in: tasks, serverID: added.serverID) != nil)
    }
}
