import Foundation
import TernAuth
import TernStore
import TernStoreSQLite
import TernTesting

/// A store on a fresh data folder with one user, for tests.
struct StoreFixture {
    let directory: TemporaryDirectory
    let store: SQLiteStore
    let user: User

    init(login: String = "anna") async throws {
        directory = try TemporaryDirectory("tern-store")
        store = try SQLiteStore(dataDirectory: directory.path)
        user = try await store.createUser(
            NewUser(
                login: login, emailAddresses: ["\(login)@tern.example", "\(login).alias@tern.example"],
                displayName: "Anna Example", passwordHash: PasswordHash.make("secret", cost: 4)))
    }

    func folder(_ type: FolderType) async throws -> Folder {
        guard let folder = try await store.folders(of: user.id).first(where: { $0.type == type }) else {
            throw StoreError(.notFound, "no \(type)")
        }
        return folder
    }

    static func email(_ subject: String, body: String = "Hello") -> ItemContent {
        let raw = "From: Bob <bob@example.org>\r\nTo: anna@tern.example\r\nSubject: \(subject)\r\n\r\n\(body)\r\n"
        return .email(
            EmailItem(
                raw: Data(raw.utf8),
                properties: EmailProperties(
                    from: "Bob <bob@example.org>", to: "anna@tern.example", subject: subject,
                    dateReceived: Date(timeIntervalSince1970: 1_790_000_000), preview: body)))
    }
}
