public import Foundation
import PostgresNIO
public import TernStore

extension PostgresStore {
    public func createUser(_ new: NewUser) async throws(StoreError) -> User {
        let login = try await availableLogin(for: new)
        let addresses = new.emailAddresses
        let createdAt = Date().timeIntervalSince1970
        // The user row, addresses and default folders commit together: a racing node's
        // user with the same login or address makes this one fail whole (unique indexes).
        let (userID, logged) = try await writeWithoutChange { session -> (User.ID, LoggedCommit?) in
            guard
                let userID = try await session.value(
                    Int64.self,
                    """
                    INSERT INTO users (login, display_name, password_hash, created_at)
                    VALUES (\(login), \(new.displayName), \(new.passwordHash), \(createdAt)) RETURNING id
                    """)
            else { throw StoreError(.database, "a new user got no id") }
            var transaction = try await WriteTransaction(session, lockingUser: userID)
            for (position, address) in addresses.enumerated() {
                try await session.run(
                    "INSERT INTO addresses (address, user_id, position) VALUES (\(address), \(userID), \(position))")
            }
            for folder in Folder.defaultSet {
                _ = try await Self.insertFolder(
                    &transaction, parentServerID: Folder.rootServerID, displayName: folder.name, type: folder.type)
            }
            return (userID, try await transaction.finish())
        }
        if let logged { feed.committed(logged) }
        return User(
            id: userID, login: login, emailAddresses: addresses, displayName: new.displayName,
            passwordHash: new.passwordHash, createdAt: Date(timeIntervalSince1970: createdAt))
    }

    public func user(login: String) async throws(StoreError) -> User? {
        try await readStatement { session in try Self.users(try await session.rows(UserByLogin(key: login))).first }
    }

    public func user(address: String) async throws(StoreError) -> User? {
        try await readStatement { session in try Self.users(try await session.rows(UserByAddress(key: address))).first }
    }

    public func recipient(address: String) async throws(StoreError) -> (user: User, folders: [Folder])? {
        try await readStatement { session in
            let rows = try await session.rows(RecipientByAddress(key: address)).map(RecipientByAddress.columns)
            guard let first = rows.first else { return nil }
            return (Self.user(first.user), rows.compactMap(\.folder))
        }
    }

    public func users() async throws(StoreError) -> [User] {
        try await readStatement { session in
            try await Self.users(
                session,
                """
                SELECT \(unescaped: Self.userColumns) FROM users LEFT JOIN addresses ON addresses.user_id = users.id
                GROUP BY users.id ORDER BY lower(users.login), users.login
                """)
        }
    }

    public func setPasswordHash(_ hash: String, login: String) async throws(StoreError) {
        let changed = try await writeWithoutChange { session in
            try await session.run(
                """
                UPDATE users SET password_hash = \(hash), password_verifier = NULL WHERE lower(login) = lower(\(login))
                RETURNING id
                """)
        }
        guard changed == 1 else { throw StoreError(.notFound, "no user \(login)") }
    }

    public func passwordVerifier(of userID: User.ID) async throws(StoreError) -> Data? {
        try await readStatement { session in
            try await session.value(Data?.self, "SELECT password_verifier FROM users WHERE id = \(userID)") ?? nil
        }
    }

    public func setPasswordVerifier(_ verifier: Data, of userID: User.ID) async throws(StoreError) {
        try await writeWithoutChange { session in
            try await session.run("UPDATE users SET password_verifier = \(verifier) WHERE id = \(userID)")
        }
    }

    public func userPhoto(of userID: User.ID) async throws(StoreError) -> Data? {
        try await readStatement { session in
            try await session.value(Data.self, "SELECT photo FROM user_photos WHERE user_id = \(userID)")
        }
    }

    public func setUserPhoto(_ photo: Data?, of userID: User.ID) async throws(StoreError) {
        try await writeWithoutChange { session in
            if let photo {
                try await session.run(
                    """
                    INSERT INTO user_photos (user_id, photo) VALUES (\(userID), \(photo))
                    ON CONFLICT (user_id) DO UPDATE SET photo = excluded.photo
                    """)
            } else {
                try await session.run("DELETE FROM user_photos WHERE user_id = \(userID)")
            }
        }
    }

    public func removeUser(login: String) async throws(StoreError) {
        let changed = try await writeWithoutChange { session in
            try await session.run("DELETE FROM users WHERE lower(login) = lower(\(login)) RETURNING id")
        }
        guard changed == 1 else { throw StoreError(.notFound, "no user \(login)") }
    }

    /// The columns `users(_:_:)` reads, in its order, the addresses gathered in position order
    /// (a query of them selects `FROM users` and ends in `GROUP BY users.id`).
    static let userColumns = """
        users.id, users.login, users.display_name, users.password_hash, users.created_at,
        COALESCE(array_agg(addresses.address ORDER BY addresses.position)
        FILTER (WHERE addresses.address IS NOT NULL), '{}')
        """

    /// The users a query of `userColumns` finds, each with their addresses, in one statement
    /// whatever their number (the GAL reads them all).
    private static func users(_ session: PostgresSession, _ query: PostgresQuery) async throws -> [User] {
        try users(try await session.rows(query))
    }

    private static func users(_ rows: [PostgresRow]) throws -> [User] {
        try rows.map { row in user(try row.decode(UserColumns.self)) }
    }

    /// The values of `userColumns`, in its order.
    typealias UserColumns = (Int64, String, String, String, Double, [String])

    static func user(_ columns: UserColumns) -> User {
        let (id, login, displayName, passwordHash, createdAt, addresses) = columns
        return User(
            id: id, login: login, emailAddresses: addresses, displayName: displayName, passwordHash: passwordHash,
            createdAt: Date(timeIntervalSince1970: createdAt))
    }
}

/// The user of an address with their folders, a row a folder with the user's columns on each
/// (one row with the folder's columns NULL for a user without folders): a delivery's one read.
private struct RecipientByAddress: PreparedLookup {
    static let sql = """
        WITH owner AS (
            SELECT \(PostgresStore.userColumns) FROM users LEFT JOIN addresses ON addresses.user_id = users.id
            WHERE users.id = (SELECT user_id FROM addresses WHERE lower(address) = lower($1)) GROUP BY users.id
        )
        SELECT owner.*, \(PostgresStore.folderColumns.split(separator: ", ").map { "folders.\($0)" }.joined(separator: ", "))
        FROM owner
        LEFT JOIN folders ON folders.user_id = owner.id ORDER BY folders.id
        """
    let key: String

    static func columns(_ row: PostgresRow) throws -> (user: PostgresStore.UserColumns, folder: Folder?) {
        let (
            id, login, displayName, passwordHash, createdAt, addresses, folderID, userID, serverID, parentServerID,
            folderName, type, modSeq
        ) = try row.decode(
            (Int64, String, String, String, Double, [String], Int64?, Int64?, String?, String?, String?, Int?, Int64?)
                .self)
        let folder: Folder? =
            if let folderID, let userID, let serverID, let parentServerID, let folderName, let type, let modSeq {
                PostgresStore.folder((folderID, userID, serverID, parentServerID, folderName, type, modSeq))
            } else {
                nil
            }
        return ((id, login, displayName, passwordHash, createdAt, addresses), folder)
    }
}

/// A user by login, without regard to case.
private struct UserByLogin: PreparedLookup {
    static let sql = """
        SELECT \(PostgresStore.userColumns) FROM users LEFT JOIN addresses ON addresses.user_id = users.id
        WHERE lower(users.login) = lower($1) GROUP BY users.id
        """
    let key: String
}

/// The user an address is delivered to, without regard to case.
private struct UserByAddress: PreparedLookup {
    static let sql = """
        SELECT \(PostgresStore.userColumns) FROM users LEFT JOIN addresses ON addresses.user_id = users.id
        WHERE users.id = (SELECT user_id FROM addresses WHERE lower(address) = lower($1)) GROUP BY users.id
        """
    let key: String
}
