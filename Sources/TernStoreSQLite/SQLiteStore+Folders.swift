import GRDB
public import TernStore

extension SQLiteStore {
    public func folders(of userID: User.ID) async throws(StoreError) -> [Folder] {
        try await read { db in
            try Row.fetchAll(db, literal: "SELECT * FROM folders WHERE user_id = \(userID) ORDER BY id").map(
                Self.folder)
        }
    }

    public func folder(of userID: User.ID, serverID: String) async throws(StoreError) -> Folder? {
        try await read { db in try Self.fetchFolder(db, userID: userID, serverID: serverID) }
    }

    public func createFolder(of userID: User.ID, parentServerID: String, displayName: String, type: FolderType)
        async throws(StoreError) -> Folder
    {
        guard type.isUserCreated else {
            throw StoreError(.invalid, "\(type) is not a type a user may create")
        }
        return try await write(userID: userID) { transaction in
            try Self.checkPlacement(
                transaction.db, userID: userID, parentServerID: parentServerID, displayName: displayName, moving: nil)
            return try Self.insertFolder(
                &transaction, parentServerID: parentServerID, displayName: displayName, type: type)
        }
    }

    public func updateFolder(of userID: User.ID, serverID: String, parentServerID: String, displayName: String)
        async throws(StoreError) -> Folder
    {
        try await write(userID: userID) { transaction in
            guard var folder = try Self.fetchFolder(transaction.db, userID: userID, serverID: serverID) else {
                throw StoreError(.notFound, "no folder \(serverID)")
            }
            guard folder.type.isUserCreated else {
                throw StoreError(.invalid, "default folder \(folder.displayName) cannot change")
            }
            try Self.checkPlacement(
                transaction.db, userID: userID, parentServerID: parentServerID, displayName: displayName, moving: folder
            )
            folder.parentServerID = parentServerID
            folder.displayName = displayName
            folder.modSeq = transaction.nextModSeq(touching: nil)
            try transaction.db.executeCached(
                literal: """
                    UPDATE folders SET parent_server_id = \(parentServerID), display_name = \(displayName), modseq = \(folder.modSeq.rawValue)
                    WHERE id = \(folder.id)
                    """)
            return folder
        }
    }

    public func deleteFolder(of userID: User.ID, serverID: String) async throws(StoreError) {
        try await write(userID: userID) { transaction in
            guard let folder = try Self.fetchFolder(transaction.db, userID: userID, serverID: serverID) else {
                throw StoreError(.notFound, "no folder \(serverID)")
            }
            guard folder.type.isUserCreated else {
                throw StoreError(.invalid, "default folder \(folder.displayName) cannot be deleted")
            }
            var doomed = [folder]
            var index = 0
            while index < doomed.count {
                doomed += try Row.fetchAll(
                    transaction.db,
                    literal: """
                        SELECT * FROM folders WHERE user_id = \(userID) AND parent_server_id = \(doomed[index].serverID)
                        """
                ).map(Self.folder)
                index += 1
            }
            for victim in doomed {
                let modSeq = transaction.nextModSeq(touching: nil)
                try transaction.db.executeCached(literal: "DELETE FROM folders WHERE id = \(victim.id)")
                try transaction.db.executeCached(
                    literal: """
                        INSERT OR REPLACE INTO folder_tombstones (user_id, server_id, modseq) VALUES (\(userID), \(victim.serverID), \(modSeq.rawValue))
                        """)
            }
        }
    }

    public func folderChanges(of userID: User.ID, since: ModSeq) async throws(StoreError) -> FolderChanges {
        try await read { db in
            let changed = try Row.fetchAll(
                db,
                literal: """
                    SELECT * FROM folders WHERE user_id = \(userID) AND modseq > \(since.rawValue) ORDER BY modseq
                    """
            ).map(Self.folder)
            let deleted = try String.fetchAll(
                db,
                literal: """
                    SELECT server_id FROM folder_tombstones WHERE user_id = \(userID) AND modseq > \(since.rawValue) ORDER BY modseq
                    """)
            let through =
                try Int64.fetchOne(db, literal: "SELECT modseq FROM users WHERE id = \(userID)") ?? since.rawValue
            return FolderChanges(changed: changed, deletedServerIDs: deleted, through: ModSeq(rawValue: through))
        }
    }

    // MARK: Helpers shared by the write paths

    static func insertFolder(
        _ transaction: inout WriteTransaction, parentServerID: String, displayName: String, type: FolderType
    ) throws -> Folder {
        let db = transaction.db
        let userID = transaction.userID
        guard let number = try Int64.fetchOne(db, literal: "SELECT next_folder_number FROM users WHERE id = \(userID)")
        else {
            throw StoreError(.notFound, "no user with id \(userID)")
        }
        try db.executeCached(literal: "UPDATE users SET next_folder_number = \(number + 1) WHERE id = \(userID)")
        let modSeq = transaction.nextModSeq(touching: nil)
        let serverID = String(number)
        try db.executeCached(
            literal: """
                INSERT INTO folders (user_id, server_id, parent_server_id, display_name, type, modseq)
                VALUES (\(userID), \(serverID), \(parentServerID), \(displayName), \(type.rawValue), \(modSeq.rawValue))
                """)
        return Folder(
            id: db.lastInsertedRowID, userID: userID, serverID: serverID, parentServerID: parentServerID,
            displayName: displayName, type: type, modSeq: modSeq)
    }

    static func fetchFolder(_ db: Database, userID: User.ID, serverID: String) throws -> Folder? {
        try Row.fetchOne(db, literal: "SELECT * FROM folders WHERE user_id = \(userID) AND server_id = \(serverID)")
            .map(folder)
    }

    static func fetchFolder(_ db: Database, id: Folder.ID) throws -> Folder {
        guard let row = try Row.fetchOne(db, literal: "SELECT * FROM folders WHERE id = \(id)") else {
            throw StoreError(.notFound, "no folder with id \(id)")
        }
        return folder(row)
    }

    /// A folder's parent must exist and not be the folder itself or below it, and its name
    /// must be unique among its siblings (MS-ASCMD FolderCreate Status 2 and 5).
    private static func checkPlacement(
        _ db: Database, userID: User.ID, parentServerID: String, displayName: String, moving: Folder?
    ) throws {
        guard !displayName.isEmpty else { throw StoreError(.invalid, "a folder needs a name") }
        if parentServerID != Folder.rootServerID {
            var ancestor = try fetchFolder(db, userID: userID, serverID: parentServerID)
            guard ancestor != nil else { throw StoreError(.notFound, "no parent folder \(parentServerID)") }
            while let current = ancestor {
                if current.serverID == moving?.serverID {
                    throw StoreError(.invalid, "a folder cannot move below itself")
                }
                ancestor =
                    current.parentServerID == Folder.rootServerID
                    ? nil : try fetchFolder(db, userID: userID, serverID: current.parentServerID)
            }
        }
        let sibling = try Row.fetchOne(
            db,
            literal: """
                SELECT id FROM folders WHERE user_id = \(userID) AND parent_server_id = \(parentServerID)
                AND display_name = \(displayName) AND id != \(moving?.id ?? -1)
                """)
        if sibling != nil { throw StoreError(.alreadyExists, "a folder named \(displayName) already exists there") }
    }

    static func folder(_ row: Row) -> Folder {
        Folder(
            id: row["id"], userID: row["user_id"], serverID: row["server_id"], parentServerID: row["parent_server_id"],
            displayName: row["display_name"], type: FolderType(rawValue: row["type"]),
            modSeq: ModSeq(rawValue: row["modseq"]))
    }
}
