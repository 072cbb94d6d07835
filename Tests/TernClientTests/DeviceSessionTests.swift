import ActiveSync
import Foundation
import TernAdmin
import TernClient
import TernServer
import TernStore
import TernStoreSQLite
import Testing
import WBXML

/// TernClient against a real Tern server over loopback: provisioning, the first sync of all
/// four classes, changes travelling between two devices, and a remote wipe obeyed.
@Suite struct DeviceSessionTests {
    /// The versions and query forms a device may speak; 12.1 has no common status codes, so
    /// its policy answers are bare HTTP 449/403.
    static let dialects: [(version: String, form: QueryForm)] = [("16.1", .plain), ("14.1", .base64), ("12.1", .plain)]

    @Test func setupNegotiatesTheHighestVersionProvisionsAndFetchesTheFolders() async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        let phone = try await server.setUpDevice("phone")
        defer { Task { await phone.close() } }

        let record = await phone.profile.record
        #expect(record.protocolVersion == "16.1")
        #expect(record.policyKey != nil && record.provisionedAt != nil)
        #expect(record.policySetting("DevicePasswordEnabled") != nil, "the EASProvisionDoc's settings are kept")
        let folders = try await phone.folders()
        #expect(Set(folders.compactMap(\.kind)) == Set(ItemKind.allCases))
        #expect(folders.contains { $0.name == "Inbox" && $0.type == 2 })

        let device = try #require(try await server.store.device(of: server.user.id, deviceID: "phone"))
        guard case .provisioned(let key, _) = device.provisioning else {
            Issue.record("the server does not hold the device as provisioned: \(device.provisioning)")
            return
        }
        #expect(key == record.policyKey)
        let saved = try FileManager.default.attributesOfItem(
            atPath: server.profile("phone").appending(path: "profile.json").path)
        #expect(
            (saved[.posixPermissions] as? NSNumber)?.intValue == 0o600,
            "profile.json holds the data key and the sealed password")
    }

    @Test func theFirstSyncBringsWhatTheServerHoldsInAllFourClasses() async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        let raw =
            "From: Bob <bob@example.org>\r\nTo: anna@tern.example\r\nSubject: Lunch?\r\nDate: Tue, 1 Dec 2026 09:00:00 +0000\r\n\r\nAt noon.\r\n"
        _ = try await MailDelivery(store: server.store).deliver(Array(raw.utf8), to: "anna@tern.example")
        let contact = ContactItem(fields: [
            ContactField("Contacts", "FileAs"): "Lovelace, Ada", ContactField("Contacts", "FirstName"): "Ada",
            ContactField("Contacts", "LastName"): "Lovelace",
        ])
        _ = try await server.store.addItem(.contact(contact), to: try await server.folder(.contacts).id)
        let start = Date(timeIntervalSince1970: 1_796_115_600)
        let event = CalendarItem(
            startTime: start, endTime: start.addingTimeInterval(900), subject: "Standup", uid: "standup-1")
        _ = try await server.store.addItem(.event(event), to: try await server.folder(.calendar).id)
        _ = try await server.store.addItem(
            .task(TaskItem(subject: "File taxes")), to: try await server.folder(.tasks).id)

        let phone = try await server.setUpDevice("phone")
        defer { Task { await phone.close() } }
        let summaries = try await phone.syncAll()
        for name in ["Inbox", "Contacts", "Calendar", "Tasks"] {
            #expect(summaries.first { $0.folderName == name }?.counts.added == 1, "\(name)")
        }
        #expect(summaries.first { $0.folderName == "Inbox" }?.line == "Inbox: 1 added, 0 changed, 0 deleted")
        let titles = try await Self.titles(phone, ["Inbox", "Contacts", "Calendar", "Tasks"])
        #expect(titles == ["Lunch?", "Lovelace, Ada", "Standup", "File taxes"])
        let mail = try #require(try await phone.items(in: phone.folder(named: "inbox")).first)
        #expect(mail.fields.contains { $0.name == "Body" && $0.value.contains("At noon.") })

        let again = try await phone.syncAll()
        #expect(again.allSatisfy { $0.counts == SyncCounts() }, "nothing new the second time")
    }

    @Test(arguments: dialects)
    func anAddAndADeleteOnOneDeviceReachTheOther(dialect: (version: String, form: QueryForm)) async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        let phone = try await server.setUpDevice("phone", version: dialect.version, queryForm: dialect.form)
        let tablet = try await server.setUpDevice("tablet", version: dialect.version, queryForm: dialect.form)
        defer {
            Task {
                await phone.close()
                await tablet.close()
            }
        }
        #expect(await phone.profile.record.protocolVersion == dialect.version)
        _ = try await tablet.syncAll()

        let added = [
            try await phone.add(.contact(firstName: "Grace", lastName: "Hopper", email: "grace@example.org")),
            try await phone.add(
                .event(
                    subject: "Review", start: Date(timeIntervalSince1970: 1_796_115_600),
                    end: Date(timeIntervalSince1970: 1_796_119_200))),
            try await phone.add(.task(subject: "Ship it", due: nil)),
        ]
        #expect(added.map(\.title) == ["Hopper, Grace", "Review", "Ship it"])
        let arrived = try await tablet.syncAll()
        #expect(arrived.map(\.counts.added).reduce(0, +) == 3)
        let seen = try await tablet.item(added[0].serverID)
        #expect(seen.property(ContactsTag.email1Address) == "grace@example.org")
        #expect(try await tablet.item(added[1].serverID).date == Date(timeIntervalSince1970: 1_796_115_600))

        try await phone.remove(added[0].serverID)
        await #expect(throws: ClientError.self) { try await phone.item(added[0].serverID) }
        let removed = try await tablet.syncAll()
        #expect(removed.first { $0.folderName == "Contacts" }?.counts.deleted == 1)
        await #expect(throws: ClientError.self) { try await tablet.item(added[0].serverID) }
    }

    @Test(arguments: dialects)
    func aRemoteWipeErasesTheLocalDataAndIsAcknowledged(dialect: (version: String, form: QueryForm)) async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        _ = try await server.store.addItem(
            .task(TaskItem(subject: "Secret plan")), to: try await server.folder(.tasks).id)
        let phone = try await server.setUpDevice("phone", version: dialect.version, queryForm: dialect.form)
        _ = try await phone.syncAll()
        let cache = server.profile("phone").appending(path: "cache.sqlite")
        #expect(FileManager.default.fileExists(atPath: cache.path))

        _ = try await Administration(store: server.store).wipe(login: "anna", deviceID: "phone", accountOnly: false)
        let error = await #expect(throws: ClientError.self) { try await phone.syncAll() }
        #expect(error?.kind == .wiped)
        await phone.close()

        #expect(!FileManager.default.fileExists(atPath: cache.path), "the cache is gone")
        let profile = try DeviceProfile.load(from: server.profile("phone"))
        #expect(
            profile.record.wipedAt != nil && profile.record.sealedPassword == nil && profile.record.policyKey == nil)
        #expect(
            profile.record.wipeReason == .remote && profile.record.cacheKey == nil, "a full wipe takes the data key too"
        )
        let device = try #require(try await server.store.device(of: server.user.id, deviceID: "phone"))
        guard case .acknowledged = device.wipe else {
            Issue.record("the server did not record the wipe as acknowledged: \(device.wipe)")
            return
        }
        await #expect(throws: ClientError.self) { try await DeviceSession.open(server.profile("phone")) }
    }

    /// AccountOnlyRemoteWipe is 16.1's (MS-ASPROV 2.2.2.1); to an older device the server sends RemoteWipe.
    @Test(arguments: [("16.1", WipeReason.accountOnly), ("14.1", WipeReason.remote)])
    func anAccountOnlyWipeErasesTheAccountAndKeepsTheDevicePIN(version: String, reason: WipeReason) async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        await (try await server.setUpDevice("phone", version: version)).close()
        var profile = try DeviceProfile.load(from: server.profile("phone"))
        try profile.setPIN("2468")
        let phone = try await DeviceSession.open(server.profile("phone"))
        _ = try await phone.syncAll()

        _ = try await Administration(store: server.store).wipe(login: "anna", deviceID: "phone", accountOnly: true)
        let error = await #expect(throws: ClientError.self) { try await phone.syncAll() }
        #expect(error?.kind == .wiped && error?.message == reason.explanation)
        await phone.close()
        let wiped = try DeviceProfile.load(from: server.profile("phone"))
        #expect(wiped.record.wipeReason == reason && wiped.record.sealedPassword == nil && wiped.record.policy.isEmpty)
        #expect((wiped.record.pinProtection != nil) == (reason == .accountOnly), "only a full wipe takes the PIN")
        #expect(!FileManager.default.fileExists(atPath: wiped.cacheFile.path))
        guard case .acknowledged? = try await server.store.device(of: server.user.id, deviceID: "phone")?.wipe else {
            Issue.record("the wipe was not acknowledged")
            return
        }
    }

    @Test func anEditAndAMoveOnOneDeviceReachTheOther() async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        let raw = "From: Bob <bob@example.org>\r\nTo: anna@tern.example\r\nSubject: Old news\r\n\r\nBin it.\r\n"
        let mail = try await MailDelivery(store: server.store).deliver(Array(raw.utf8), to: "anna@tern.example")
        let phone = try await server.setUpDevice("phone")
        let tablet = try await server.setUpDevice("tablet")
        defer {
            Task {
                await phone.close()
                await tablet.close()
            }
        }
        _ = try await phone.syncAll()
        let contact = try await phone.add(.contact(firstName: "Ada", lastName: "Byron", email: nil))
        _ = try await tablet.syncAll()

        let edited = try await phone.edit(contact.serverID, ItemEdit(lastName: "Lovelace"))
        #expect(edited.title == "Lovelace, Ada")
        let start = Date(timeIntervalSince1970: 1_796_115_600)
        let event = try await phone.add(.event(subject: "Review", start: start, end: start.addingTimeInterval(3600)))
        let moved = start.addingTimeInterval(86_400)
        _ = try await phone.edit(
            event.serverID, ItemEdit(subject: "Review, again", start: moved, end: moved.addingTimeInterval(1800)))
        let read = try await phone.edit(mail.serverID, ItemEdit(read: true))
        #expect(
            read.property(EmailTag.read) == "1" && read.property(EmailTag.subject) == "Old news",
            "an email Change merges into the cached item")
        await #expect(throws: ClientError.self) { try await phone.edit(mail.serverID, ItemEdit(subject: "New")) }

        let bin = try await phone.folder(named: "Deleted Items")
        let binned = try await phone.move(mail.serverID, to: bin)
        #expect(binned.folderID == bin.serverID && binned.title == "Old news")
        await #expect(throws: ClientError.self) { try await phone.item(mail.serverID) }

        let arrived = try await tablet.syncAll()
        #expect(arrived.first { $0.folderName == "Contacts" }?.counts.changed == 1)
        #expect(try await tablet.item(contact.serverID).title == "Lovelace, Ada")
        let seen = try await tablet.item(event.serverID)
        #expect(seen.title == "Review, again" && seen.date == moved)
        #expect(arrived.first { $0.folderName == "Inbox" }?.counts.deleted == 1)
        #expect(try await tablet.item(binned.serverID).folderID == bin.serverID)
        let again = try await phone.syncAll()
        #expect(
            again.filter { !["Inbox", "Deleted Items"].contains($0.folderName) }.allSatisfy {
                $0.counts == SyncCounts()
            },
            "the mover's own edits do not come back to it")
        // The move does, as a Delete and an Add (MS-ASCMD 2.2.1.12), which leave one copy where it is.
        #expect(try await phone.item(binned.serverID).folderID == bin.serverID)
        #expect(try await phone.items(in: bin).count { $0.serverID == binned.serverID } == 1)
        #expect(try await phone.items(in: try await phone.folder(named: "Inbox")).isEmpty)
    }

    @Test func aWrongPasswordIsAnAuthenticationError() async throws {
        let server = try await LoopbackServer()
        defer { Task { await server.stop() } }
        let account = DeviceAccount(endpoint: server.endpoint, user: "anna", deviceID: "phone", deviceType: "TernTest")
        let error = await #expect(throws: ClientError.self) {
            try await DeviceSession.setup(in: server.profile("phone"), account: account, password: "wrong")
        }
        #expect(error?.kind == .authentication)
        #expect(!FileManager.default.fileExists(atPath: server.profile("phone").appending(path: "profile.json").path))
    }

    /// The title of the first cached item of each folder, in order.
    static func titles(_ session: DeviceSession, _ folders: [String]) async throws -> [String] {
        var titles: [String] = []
        for name in folders {
            titles.append(try await session.items(in: session.folder(named: name)).first?.title ?? "-")
        }
        return titles
    }
}
