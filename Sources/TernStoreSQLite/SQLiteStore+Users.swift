public import Foundation
import GRDB
public import TernStore

extension SQLiteStore {
    public func createUser(_ new: NewUser) async throws(StoreError) -> User {
        let login = try await availableLogin(for: new)
        let addresses = new.emailAddresses
        let createdAt = Date()
        let userID: User.ID
        do {
            userID = try await timed(write: true) {
                try await pool.write { db in
                    try db.executeCached(
                        literal: """
                            INSERT INTO users (login, display_name, password_hash, created_at)
                            VALUES (\(login), \(new.displayName), \(new.passwordHash), \(createdAt.timeIntervalSince1970))
                            """)
                    return db.lastInsertedRowID
                }
            }
        } catch {
            throw Self.storeError(error)
        }
        try await write(userID: userID) { transaction in
            for (position, address) in addresses.enumerated() {
                try transaction.db.executeCached(
                    literal: """
                        INSERT INTO addresses (address, user_id, position) VALUES (\(address), \(userID), \(position))
                        """)
            }
            for folder in Folder.defaultSet {
                _ = try Self.insertFolder(
                    &transaction, parentServerID: Folder.rootServerID, displayName: folder.name, type: folder.type)
            }
        }
        return User(
            id: userID, login: login, emailAddresses: addresses, displayName: new.displayName,
            passwordHash: new.passwordHash, createdAt: Date(timeIntervalSince1970: createdAt.timeIntervalSince1970))
    }

    public func user(login: String) async throws(StoreError) -> User? {
        try await read { db in
            try Row.fetchOne(db, literal: "SELECT * FROM users WHERE login = \(login)").map { try Self.user($0, db) }
        }
    }

    public func user(address: String) async throws(StoreError) -> User? {
        try await read { db in
            try Row.fetchOne(
                db,
                literal: """
                    SELECT users.* FROM users JOIN addresses ON addresses.user_id = users.id WHERE addresses.address = \(address)
                    """
            ).map { try Self.user($0, db) }
        }
    }

    public func users() async throws(StoreError) -> [User] {
        try await read { db in
            // Two queries whatever the number of users (the GAL reads them all).
            var addresses: [User.ID: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT user_id, address FROM addresses ORDER BY user_id, position") {
                addresses[row["user_id"], default: []].append(row["address"])
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY login").map { row in
                Self.user(row, addresses: addresses[row["id"]] ?? [])
            }
        }
    }

    public func setPasswordHash(_ hash: String, login: String) async throws(StoreError) {
        let changed = try await writeWithoutChange { db in
            try db.executeCached(
                literal: "UPDATE users SET password_hash = \(hash), password_verifier = NULL WHERE login = \(login)")
            return db.changesCount
        }
        guard changed == 1 else { throw StoreError(.notFound, "no user \(login)") }
    }

    public func passwordVerifier(of userID: User.ID) async throws(StoreError) -> Data? {
        try await read { db in
            try Data.fetchOne(db, literal: "SELECT password_verifier FROM users WHERE id = \(userID)")
        }
    }

    public func setPasswordVerifier(_ verifier: Data, of userID: User.ID) async throws(StoreError) {
        try await writeWithoutChange { db in
            try db.executeCached(literal: "UPDATE users SET password_verifier = \(verifier) WHERE id = \(userID)")
        }
    }

    public func userPhoto(of userID: User.ID) async throws(StoreError) -> Data? {
        try await read { db in try Data.fetchOne(db, literal: "SELECT photo FROM user_photos WHERE user_id = \(userID)")
        }
    }

    public func setUserPhoto(_ photo: Data?, of userID: User.ID) async throws(StoreError) {
        try await writeWithoutChange { db in
            if let photo {
                try db.executeCached(
                    literal: "INSERT OR REPLACE INTO user_photos (user_id, photo) VALUES (\(userID), \(photo))")
            } else {
                try db.executeCached(literal: "DELETE FROM user_photos WHERE user_id = \(userID)")
            }
        }
    }

    public func removeUser(login: String) async throws(StoreError) {
        let changed = try await writeWithoutChange { db in
            try db.executeCached(literal: "DELETE FROM users WHERE login = \(login)")
            return db.changesCount
        }
        guard changed == 1 else { throw StoreError(.notFound, "no user \(login)") }
    }

    private static func user(_ row: Row, _ db: Database) throws -> User {
        let id: User.ID = row["id"]
        let addresses = try String.fetchAll(
            db, literal: "SELECT address FROM addresses WHERE user_id = \(id) ORDER BY position")
        return user(row, addresses: addresses)
    }

    private static func user(_ row: Row, addresses: [String]) -> User {
        User(
            id: row["id"], login: row["login"], emailAddresses: addresses, displayName: row["display_name"],
            passwordHash: row["password_hash"], createdAt: Date(timeIntervalSince1970: row["created_at"]))
    }
}
