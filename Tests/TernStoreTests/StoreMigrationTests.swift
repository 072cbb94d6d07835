import ActiveSync
import Foundation
import GRDB
import TernAuth
import TernStore
import TernStorePostgres
import TernStoreSQLite
import TernTesting
import Testing

@testable import TernStoreMigration

/// `StoreMigration`: everything a SQLite store holds reads back the same from PostgreSQL, and
/// PostgreSQL's writes after the copy carry on from it.
@Suite(.droppingPostgresSchemas, .enabled(if: PostgresTestDatabase.isRequested))
struct StoreMigrationTests {
    @Test func everythingReadsBackTheSameAndLaterWritesContinueAfterTheCopiedIDs() async throws {
        let fixture = try await StoreFixture(.sqlite)
        defer { fixture.directory.remove() }
        let sqlite = fixture.store
        let user = fixture.user
        let inbox = try await fixture.folder(.inbox)
        let calendar = try await fixture.folder(.calendar)
        let sent = try await fixture.folder(.sentItems)

        // Items with history: one removed (a tombstone), an event found by UID, an Add of a
        // device remembered by ClientId, a folder created and deleted, a submission queued.
        let kept = try await sqlite.addItem(StoreFixture.email("Kept", body: "Grüße aus Zürich"), to: inbox.id)
        let dropped = try await sqlite.addItem(StoreFixture.email("Dropped"), to: inbox.id)
        try await sqlite.deleteItem(in: inbox.id, serverID: dropped.serverID)
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let event = ItemContent.event(CalendarItem(startTime: start, endTime: start.addingTimeInterval(60), uid: "m@x"))
        let old = try await sqlite.createFolder(
            of: user.id, parentServerID: "0", displayName: "Old", type: .userCreatedMail)
        try await sqlite.deleteFolder(of: user.id, serverID: old.serverID)
        _ = try await sqlite.submit(
            Submission(
                userID: user.id, clientID: "sent-1",
                copies: [.init(folderID: sent.id, content: StoreFixture.email("Out"))],
                outbound: OutboundMessage(
                    sender: "anna@tern.example", recipients: ["carla@outside.example"], raw: Array("Out\r\n".utf8))))

        // A device mid-sync, with a wipe requested, and its sync states, the held Ping's too.
        var device = try await sqlite.saveDevice(
            Device(
                id: 0, userID: user.id, deviceID: "phone", deviceType: "iPhone", protocolVersion: "16.1",
                provisioning: .provisioned(key: 3_141_592, policyVersion: 2),
                wipe: .requested(accountOnly: false, at: start), firstSeen: start, lastSeen: start))
        device.isBlocked = true
        device = try await sqlite.saveDevice(device)
        let added = ClientAdd(deviceID: device.id, collection: calendar.serverID, syncKey: 4, clientID: "c1")
        _ = try await sqlite.addItem(event, to: calendar.id, from: added)
        let states = SyncStates(
            current: SyncStateRecord(key: 5, state: Data("now".utf8)),
            previous: SyncStateRecord(key: 4, state: Data("before".utf8)))
        for collection in [inbox.serverID, "#ping", ""] {
            try await sqlite.saveSyncStates(states, of: device.id, collection: collection)
        }

        // Settings of the user and the organisation.
        var policy = DevicePolicy()
        policy.devicePasswordEnabled = true
        _ = try await sqlite.setPolicy(policy, for: nil)
        policy.minDevicePasswordLength = 8
        _ = try await sqlite.setPolicy(policy, for: user.id)
        try await sqlite.setOutOfOffice(OutOfOffice(state: .global), of: user.id)
        try await sqlite.setUserPhoto(Data([1, 2, 3]), of: user.id)
        try await sqlite.setPasswordVerifier(Data([9, 8, 7]), of: user.id)

        let schema = PostgresTestDatabase.newSchema()
        let url = try #require(PostgresTestDatabase.url)
        let summary = try await StoreMigration(dataDirectory: fixture.directory.path, databaseURL: url, schema: schema)
            .run()
        #expect(summary.users == 1 && summary.devices == 1 && summary.syncStates == 3)
        #expect(summary.items == 3, "kept, the event and the sent copy: \(summary)")
        let postgres = try await PostgresTestDatabase.openStore(schema: schema)

        #expect(try await postgres.users() == sqlite.users())
        #expect(try await postgres.folders(of: user.id) == sqlite.folders(of: user.id))
        #expect(
            try await postgres.folderChanges(of: user.id, since: .zero)
                == sqlite.folderChanges(of: user.id, since: .zero))
        for folder in try await sqlite.folders(of: user.id) {
            #expect(
                try await postgres.itemChanges(in: folder.id, since: .zero, limit: -1)
                    == sqlite.itemChanges(in: folder.id, since: .zero, limit: -1), "\(folder.displayName)")
        }
        #expect(try await postgres.devices(of: nil) == sqlite.devices(of: nil))
        #expect(try await postgres.currentSyncStates(of: device.id) == sqlite.currentSyncStates(of: device.id))
        #expect(try await postgres.syncStates(of: device.id, collection: "#ping") == states)
        #expect(try await postgres.defaultPolicy() == sqlite.defaultPolicy())
        #expect(try await postgres.effectivePolicy(for: user.id) == sqlite.effectivePolicy(for: user.id))
        #expect(try await postgres.outOfOffice(of: user.id) == OutOfOffice(state: .global))
        #expect(try await postgres.userPhoto(of: user.id) == Data([1, 2, 3]))
        #expect(try await postgres.passwordVerifier(of: user.id) == Data([9, 8, 7]))
        #expect(try await postgres.queuedMessages() == sqlite.queuedMessages())
        #expect(try await postgres.isSubmitted(clientID: "sent-1", by: user.id))
        #expect(
            try await postgres.addItem(event, to: calendar.id, from: added)
                == .replayed(serverID: "\(calendar.serverID):1"))
        #expect(try await postgres.event(uid: "m@x", in: calendar.id) != nil, "event_uid derived")
        let found = try await postgres.searchMail(MailSearchQuery(words: ["zurich"], folderIDs: [inbox.id]))
        #expect(found.items.map(\.id) == [kept.id], "the search index rebuilt")

        // New rows take ids after the copied ones, and modseqs after the user's.
        let reached = try await sqlite.itemChanges(in: inbox.id, since: .zero, limit: -1).through
        let next = try await postgres.addItem(StoreFixture.email("After"), to: inbox.id)
        #expect(next.id > dropped.id && next.modSeq > reached)
        let bob = try await postgres.createUser(
            NewUser(
                login: "bob", emailAddresses: [], displayName: "Bob", passwordHash: PasswordHash.make("pw", cost: 4)))
        #expect(bob.id > user.id)
        #expect(try await postgres.queuedMessages().count == 1)
    }

    @Test func aStoreWrittenByANewerTernIsRefusedBeforeAnythingIsWritten() async throws {
        let fixture = try await StoreFixture(.sqlite)
        defer { fixture.directory.remove() }
        let queue = try DatabaseQueue(path: SQLiteStore.databasePath(inDataDirectory: fixture.directory.path))
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        try queue.close()
        let schema = PostgresTestDatabase.newSchema()
        let migration = StoreMigration(
            dataDirectory: fixture.directory.path, databaseURL: try #require(PostgresTestDatabase.url), schema: schema)
        let error = await #expect(throws: StoreError.self) { try await migration.run() }
        #expect(
            error?.code == .invalid && error?.detail.contains("does not know") == true, "\(String(describing: error))")
    }

    @Test func aRowPostgreSQLRefusesMidwayLeavesTheDatabaseWithoutACopiedRow() async throws {
        // SQLite folds only ASCII case in addresses, PostgreSQL's unique index folds "Ä" too:
        // the addresses fail after the users were copied, and the users go with them.
        let fixture = try await StoreFixture(.sqlite)
        defer { fixture.directory.remove() }
        for (login, address) in [("bob", "änne@tern.example"), ("carl", "Änne@tern.example")] {
            _ = try await fixture.store.createUser(
                NewUser(
                    login: login, emailAddresses: [address], displayName: login,
                    passwordHash: PasswordHash.make("pw", cost: 4)))
        }
        let schema = PostgresTestDatabase.newSchema()
        let migration = StoreMigration(
            dataDirectory: fixture.directory.path, databaseURL: try #require(PostgresTestDatabase.url), schema: schema)
        let error = await #expect(throws: StoreError.self) { try await migration.run() }
        #expect(error?.code == .alreadyExists, "\(String(describing: error))")
        let postgres = try await PostgresTestDatabase.openStore(schema: schema)
        #expect(try await postgres.users().isEmpty)
        #expect(try await postgres.folders(of: fixture.user.id).isEmpty)
    }
}
