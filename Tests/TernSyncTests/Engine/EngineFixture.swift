import ActiveSync
import Foundation
import TernAuth
import TernStore
import TernStoreSQLite
import TernSync
import TernTesting
import WBXML

/// A store with one user and one device, and the sync engine speaking for that device.
struct EngineFixture {
    let directory: TemporaryDirectory
    let store: SQLiteStore
    let user: User
    let device: Device
    let inbox: Folder
    let contacts: Folder

    init(version: ProtocolVersion = .v16_1) async throws {
        directory = try TemporaryDirectory("tern-sync")
        store = try SQLiteStore(dataDirectory: directory.path)
        user = try await store.createUser(
            NewUser(
                login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna",
                passwordHash: PasswordHash.make("secret", cost: 4)))
        device = try await Self.device("phone", of: user, in: store)
        let folders = try await store.folders(of: user.id)
        guard let inbox = folders.first(where: { $0.type == .inbox }),
            let contacts = folders.first(where: { $0.type == .contacts })
        else {
            throw StoreError(.notFound, "default folders")
        }
        self.inbox = inbox
        self.contacts = contacts
    }

    static func device(_ deviceID: String, of user: User, in store: SQLiteStore) async throws -> Device {
        try await store.saveDevice(
            Device(
                id: 0, userID: user.id, deviceID: deviceID, deviceType: "iPhone", firstSeen: Date(), lastSeen: Date()))
    }

    func engine(for device: Device? = nil, version: ProtocolVersion = .v16_1) -> SyncEngine {
        SyncEngine(store: store, userID: user.id, deviceID: (device ?? self.device).id, protocolVersion: version)
    }

    /// One collection's answer to a Sync of just that collection.
    func sync(
        _ folder: Folder, key: String, windowSize: Int? = nil, commands: [SyncClientCommand] = [],
        options: WBXMLElement? = nil,
        getChanges: Bool? = nil, device: Device? = nil, now: Date = Date()
    ) async throws -> SyncCollectionResponse {
        var collection = SyncCollectionRequest(syncKey: key, collectionID: folder.serverID)
        collection.windowSize = windowSize
        collection.commands = commands
        collection.getChanges = getChanges
        collection.options = options.map { [SyncOptions($0)] } ?? []
        let response = try await engine(for: device).sync(SyncRequest(collections: [collection]), now: now)
        guard let answer = response.collections.first else {
            throw StoreError(.notFound, "no collection in the response")
        }
        return answer
    }

    /// A key for the folder, after the initial SyncKey 0 exchange.
    func initialKey(_ folder: Folder, device: Device? = nil, options: WBXMLElement? = nil) async throws -> String {
        guard let key = try await sync(folder, key: "0", options: options, device: device).syncKey else {
            throw StoreError(.invalid, "no key")
        }
        return key
    }

    static func email(_ subject: String, received: Date = Date(timeIntervalSince1970: 1_790_000_000)) -> ItemContent {
        let raw = "From: Bob <bob@example.org>\r\nTo: anna@tern.example\r\nSubject: \(subject)\r\n\r\nHello\r\n"
        return .email(
            EmailItem(
                raw: Data(raw.utf8),
                properties: EmailProperties(
                    from: "Bob <bob@example.org>", to: "anna@tern.example", subject: subject, dateReceived: received,
                    preview: "Hello")))
    }

    static func contactData(_ first: String, _ last: String) -> WBXMLElement {
        WBXMLElement(
            AirSyncTag.applicationData,
            elements: [
                WBXMLElement(ContactsTag.fileAs, text: "\(last), \(first)"),
                WBXMLElement(ContactsTag.firstName, text: first),
                WBXMLElement(ContactsTag.lastName, text: last),
            ])
    }
}

extension SyncCollectionResponse {
    var addedServerIDs: [String] {
        commands.compactMap { if case .add(let serverID, _) = $0 { serverID } else { nil } }
    }

    var changedServerIDs: [String] {
        commands.compactMap { if case .change(let serverID, _) = $0 { serverID } else { nil } }
    }

    var deletedServerIDs: [String] {
        commands.compactMap { if case .delete(let serverID) = $0 { serverID } else { nil } }
    }

    var softDeletedServerIDs: [String] {
        commands.compactMap { if case .softDelete(let serverID) = $0 { serverID } else { nil } }
    }
}
