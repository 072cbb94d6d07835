import Foundation
import TernAuth
import TernStore
import TernStorePostgres
import TernStoreSQLite
import TernTesting
import Testing

/// A store backend the contract tests run on: every backend must show the same behaviour
/// (modseq, tombstones, change feed, transactions, isolation), so each contract test takes
/// the backend as its argument. PostgreSQL is among them when `PostgresTestDatabase` says so.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static var allCases: [StoreBackend] { PostgresTestDatabase.isRequested ? [.sqlite, .postgres] : [.sqlite] }

    var testDescription: String { rawValue }

    /// A fresh, empty store of this backend: SQLite's data lives in `directory`, PostgreSQL's
    /// in a schema of its own.
    func open(in directory: TemporaryDirectory) async throws -> any Store {
        switch self {
        case .sqlite: try SQLiteStore(dataDirectory: directory.path)
        case .postgres: try await PostgresTestDatabase.openStore()
        }
    }
}

/// A fresh store with one user, for tests.
struct StoreFixture {
    let directory: TemporaryDirectory
    let store: any Store
    let user: User

    init(_ backend: StoreBackend = .sqlite, login: String = "anna") async throws {
        directory = try TemporaryDirectory("tern-store")
        store = try await backend.open(in: directory)
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
