import PostgresNIO
public import TernStore

extension PostgresStore {
    public func folders(of userID: User.ID) async throws(StoreError) -> [Folder] {
        try await readStatement { session in try Self.folders(try await session.rows(FoldersOfUser(key: userID))) }
    }

    public func folder(of userID: User.ID, serverID: String) async throws(StoreError) -> Folder? {
        try await readStatement { session in try await Self.fetchFolder(session, userID: userID, serverID: serverID) }
    }

    public func createFolder(of userID: User.ID, parentServerID: String, displayName: String, type: FolderType)
        async throws(StoreError) -> Folder
    {
        guard type.isUserCreated else {
            throw StoreError(.invalid, "\(type) is not a type a user may create")
        }
        return try await write(userID: userID) { transaction in
            try await Self.checkPlacement(
                transaction.session, userID: userID, parentServerID: parentServerID, displayName: displayName,
                moving: nil)
            return try await Self.insertFolder(
                &transaction, parentServerID: parentServerID, displayName: displayName, type: type)
        }
    }

    public func updateFolder(of userID: User.ID, serverID: String, parentServerID: String, displayName: String)
        async throws(StoreError) -> Folder
    {
        try await write(userID: userID) { transaction in
            let session = transaction.session
            guard var folder = try await Self.fetchFolder(session, userID: userID, serverID: serverID) else {
                throw StoreError(.notFound, "no folder \(serverID)")
            }
            guard folder.type.isUserCreated else {
                throw StoreError(.invalid, "default folder \(folder.displayName) cannot change")
            }
            try await Self.checkPlacement(
                session, userID: userID, parentServerID: parentServerID, displayName: displayName, moving: folder)
            folder.parentServerID = parentServerID
            folder.displayName = displayName
            folder.modSeq = transaction.nextModSeq(touching: nil)
            try await session.run(
                """
                UPDATE folders SET parent_server_id = \(parentServerID), display_name = \(displayName),
                modseq = \(folder.modSeq.rawValue) WHERE id = \(folder.id)
                """)
            return folder
        }
    }

    public func deleteFolder(of userID: User.ID, serverID: String) async throws(StoreError) {
        try await write(userID: userID) { transaction in
            let session = transaction.session
            guard let folder = try await Self.fetchFolder(session, userID: userID, serverID: serverID) else {
                throw StoreError(.notFound, "no folder \(serverID)")
            }
            guard folder.type.isUserCreated else {
                throw StoreError(.invalid, "default folder \(folder.displayName) cannot be deleted")
            }
            var doomed = [folder]
            var index = 0
            while index < doomed.count {
                doomed += try await Self.folders(
                    session,
                    """
                    SELECT \(unescaped: Self.folderColumns) FROM folders
                    WHERE user_id = \(userID) AND parent_server_id = \(doomed[index].serverID) ORDER BY id
                    """)
                index += 1
            }
            for victim in doomed {
                let modSeq = transaction.nextModSeq(touching: nil)
                try await session.run("DELETE FROM folders WHERE id = \(victim.id)")
                try await session.run(
                    """
                    INSERT INTO folder_tombstones (user_id, server_id, modseq) VALUES (\(userID), \(victim.serverID), \(modSeq.rawValue))
                    ON CONFLICT (user_id, server_id) DO UPDATE SET modseq = excluded.modseq
                    """)
            }
        }
    }

    public func folderChanges(of userID: User.ID, since: ModSeq) async throws(StoreError) -> FolderChanges {
        try await read { session in
            let changed = try await Self.folders(
                session,
                """
                SELECT \(unescaped: Self.folderColumns) FROM folders WHERE user_id = \(userID) AND modseq > \(since.rawValue)
                ORDER BY modseq
                """)
            let deleted = try await session.rows(
                """
                SELECT server_id FROM folder_tombstones WHERE user_id = \(userID) AND modseq > \(since.rawValue)
                ORDER BY modseq
                """
            ).map { try $0.decode(String.self) }
            let through =
                try await session.value(Int64.self, "SELECT modseq FROM users WHERE id = \(userID)") ?? since.rawValue
            return FolderChanges(changed: changed, deletedServerIDs: deleted, through: ModSeq(rawValue: through))
        }
    }

    // MARK: Helpers shared by the write paths

    static func insertFolder(
        _ transaction: inout WriteTransaction, parentServerID: String, displayName: String, type: FolderType
    ) async throws -> Folder {
        let session = transaction.session
        let userID = transaction.userID
        guard
            let number = try await session.value(
                Int64.self,
                """
                UPDATE users SET next_folder_number = next_folder_number + 1 WHERE id = \(userID)
                RETURNING next_folder_number - 1
                """)
        else {
            throw StoreError(.notFound, "no user with id \(userID)")
        }
        let modSeq = transaction.nextModSeq(touching: nil)
        let serverID = String(number)
        guard
            let id = try await session.value(
                Int64.self,
                """
                INSERT INTO folders (user_id, server_id, parent_server_id, display_name, type, modseq)
                VALUES (\(userID), \(serverID), \(parentServerID), \(displayName), \(type.rawValue), \(modSeq.rawValue))
                RETURNING id
                """)
        else { throw StoreError(.database, "a new folder got no id") }
        return Folder(
            id: id, userID: userID, serverID: serverID, parentServerID: parentServerID, displayName: displayName,
            type: type, modSeq: modSeq)
    }

    static func fetchFolder(_ session: PostgresSession, userID: User.ID, serverID: String) async throws -> Folder? {
        try await folders(
            session,
            "SELECT \(unescaped: folderColumns) FROM folders WHERE user_id = \(userID) AND server_id = \(serverID)"
        ).first
    }

    static func fetchFolder(_ session: PostgresSession, id: Folder.ID) async throws -> Folder {
        guard
            let folder = try await folders(session, "SELECT \(unescaped: folderColumns) FROM folders WHERE id = \(id)")
                .first
        else {
            throw StoreError(.notFound, "no folder with id \(id)")
        }
        return folder
    }

    /// The folder of the inbox type of `userID`, if any.
    static func inbox(of userID: User.ID, in session: PostgresSession) async throws -> Folder? {
        try await folders(
            session,
            """
            SELECT \(unescaped: folderColumns) FROM folders WHERE user_id = \(userID) AND type = \(FolderType.inbox.rawValue)
            ORDER BY id LIMIT 1
            """
        ).first
    }

    /// A folder's parent must exist and not be the folder itself or below it, and its name
    /// must be unique among its siblings (MS-ASCMD FolderCreate Status 2 and 5).
    private static func checkPlacement(
        _ session: PostgresSession, userID: User.ID, parentServerID: String, displayName: String, moving: Folder?
    ) async throws {
        guard !displayName.isEmpty else { throw StoreError(.invalid, "a folder needs a name") }
        if parentServerID != Folder.rootServerID {
            var ancestor = try await fetchFolder(session, userID: userID, serverID: parentServerID)
            guard ancestor != nil else { throw StoreError(.notFound, "no parent folder \(parentServerID)") }
            while let current = ancestor {
                if current.serverID == moving?.serverID {
                    throw StoreError(.invalid, "a folder cannot move below itself")
                }
                ancestor =
                    current.parentServerID == Folder.rootServerID
                    ? nil : try await fetchFolder(session, userID: userID, serverID: current.parentServerID)
            }
        }
        let siblings = try await session.run(
            """
            SELECT id FROM folders WHERE user_id = \(userID) AND parent_server_id = \(parentServerID)
            AND display_name = \(displayName) AND id != \(moving?.id ?? -1)
            """)
        if siblings > 0 { throw StoreError(.alreadyExists, "a folder named \(displayName) already exists there") }
    }

    /// The columns `folders(_:_:)` reads, in its order.
    static let folderColumns = "id, user_id, server_id, parent_server_id, display_name, type, modseq"

    static func folders(_ session: PostgresSession, _ query: PostgresQuery) async throws -> [Folder] {
        try folders(try await session.rows(query))
    }

    private static func folders(_ rows: [PostgresRow]) throws -> [Folder] {
        try rows.map { row in folder(try row.decode((Int64, Int64, String, String, String, Int, Int64).self)) }
    }

    /// The folder of the values of `folderColumns`, in its order.
    static func folder(_ columns: (Int64, Int64, String, String, String, Int, Int64)) -> Folder {
        let (id, userID, serverID, parentServerID, displayName, type, modSeq) = columns
        return Folder(
            id: id, userID: userID, serverID: serverID, parentServerID: parentServerID, displayName: displayName,
            type: FolderType(rawValue: type), modSeq: ModSeq(rawValue: modSeq))
    }
}

/// A user's folders, in the order they were made.
private struct FoldersOfUser: PreparedLookup {
    static let sql = "SELECT \(PostgresStore.folderColumns) FROM folders WHERE user_id = $1 ORDER BY id"
    let key: User.ID
}
