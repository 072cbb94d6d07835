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

    /// Where a store of this backend keeps its data: SQLite's in a folder, PostgreSQL's in a
    /// schema of its own (dropped when the test ends).
    struct Place: Sendable {
        let directory: TemporaryDirectory
        let schema: String?
    }

    /// A place no store has used yet.
    func newPlace() throws -> Place {
        Place(
            directory: try TemporaryDirectory("tern-store"),
            schema: self == .postgres ? PostgresTestDatabase.newSchema() : nil)
    }

    /// A store of this backend on the data at `place`: empty the first time, and the same
    /// data again, as another process or node sees it, each time after.
    func open(at place: Place) async throws -> any Store {
        switch (self, place.schema) {
        case (.sqlite, _): try SQLiteStore(dataDirectory: place.directory.path)
        case (.postgres, let schema?): try await PostgresTestDatabase.openStore(schema: schema)
        case (.postgres, nil): throw StoreError(.invalid, "a PostgreSQL place needs a schema")
        }
    }
}

/// A fresh store with one user, for tests.
struct StoreFixture {
    let backend: StoreBackend
    let place: StoreBackend.Place
    let store: any Store
    let user: User

    var directory: TemporaryDirectory { place.directory }

    init(_ backend: StoreBackend = .sqlite, login: String = "anna") async throws {
        self.backend = backend
        place = try backend.newPlace()
        store = try await backend.open(at: place)
        user = try await store.createUser(
            NewUser(
                login: login, emailAddresses: ["\(login)@tern.example", "\(login).alias@tern.example"],
                displayName: "Anna Example", passwordHash: PasswordHash.make("secret", cost: 4)))
    }

    /// A second store on the same data, as another process or node opens it.
    func reopen() async throws -> any Store {
        try await backend.open(at: place)
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
