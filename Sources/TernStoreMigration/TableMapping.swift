/// How each table of the SQLite store (`TernStoreSQLite` `Migrations`) maps onto the PostgreSQL
/// schema (`TernStorePostgres` `PostgresMigrations`).
///
/// Both schemas name their tables and columns alike, so a copied table's columns are read
/// from the two databases themselves and matched by name; what the mapping says is only
/// what differs. Every SQLite table must be accounted for, either copied or left behind for
/// a stated reason, and every PostgreSQL column of a copied table must come from SQLite or
/// be one PostgreSQL derives: a migration that adds a table or column on one side only
/// makes `tern migrate` refuse rather than leave data behind.
enum TableMapping {
    /// A table copied row by row, ids included.
    struct Copied {
        let name: String
        /// PostgreSQL's columns that SQLite has not, left at their defaults by the copy and
        /// set afterwards (or on later writes) by the PostgreSQL store.
        var derived: Set<String> = []
    }

    /// The copied tables, each after those its foreign keys refer to.
    static let copied: [Copied] = [
        Copied(name: "users", derived: ["log_seq", "wake_nodes"]),
        Copied(name: "addresses"),
        Copied(name: "user_photos"),
        Copied(name: "folders"),
        Copied(name: "folder_tombstones"),
        Copied(name: "items", derived: ["event_uid"]),
        Copied(name: "messages"),
        Copied(name: "item_tombstones"),
        Copied(name: "devices"),
        Copied(name: "policies"),
        Copied(name: "out_of_office"),
        Copied(name: "sync_states"),
        Copied(name: "client_adds"),
        Copied(name: "submissions"),
        Copied(name: "outbound_queue"),
    ]

    /// SQLite's tables that are not copied, and why.
    static let leftBehind: Set<String> = [
        // The wake log of running servers, not the sync change log (modseqs and tombstones,
        // which are copied): PostgreSQL numbers it per user (`users.log_seq`), and its nodes
        // start reading it from where it stands when they open the store, so it starts empty.
        "commit_log",
        // Rebuilt from the copied mail by `PostgresStore.indexAllMail`, in PostgreSQL's form.
        "mail_search",
        // Rewritten by every /readyz.
        "readiness",
        // Which migrations ran: PostgreSQL keeps its own record.
        "grdb_migrations",
        // Read for the highest ids ever handed out, which PostgreSQL's sequences continue from.
        "sqlite_sequence",
    ]

    /// Whether `table` of SQLite is left behind: named in `leftBehind`, or one of the FTS5
    /// shadow tables behind `mail_search` (`mail_search_data`, `_idx`, `_content`, …).
    static func isLeftBehind(_ table: String) -> Bool {
        leftBehind.contains(table) || table.hasPrefix("mail_search_")
    }

    /// A table or column name of one of the two schemas as an SQL identifier (names come from
    /// the schemas, never from input).
    static func quoted(_ name: String) -> String { "\"\(name)\"" }
}
