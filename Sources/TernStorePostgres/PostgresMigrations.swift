import PostgresNIO
import TernStore

/// The schema, as named migrations run in order and recorded in `schema_migrations`. A
/// migration is frozen once shipped: change the schema by adding a new one. Nodes that
/// start together migrate one after another (an advisory lock), and each migration commits
/// with its record, so a crash leaves the schema at a migration's edge.
///
/// `v1-schema` is the SQLite store's twelve migrations at once, in PostgreSQL's types: times
/// as seconds since 1970 in `double precision` (as SQLite keeps them, so a date reads back
/// exactly), documents and messages as `bytea`, case-insensitive logins and addresses through
/// unique indexes on `lower(…)`, and the mail search index as a `tsvector` of folded words
/// (`MailSearchWords`). Beyond SQLite's: `users.log_seq` and `commit_log.log_seq` number
/// each user's logged transactions for the change feed, and `items.event_uid` holds a
/// calendar item's UID for meeting mail.
///
/// `v2-wake-routes` sends a user's NOTIFYs to the nodes that hold their requests
/// (`users.wake_nodes`, see `PostgresChangeFeed`) and keeps when each node was last seen.
package enum PostgresMigrations {
    struct Migration {
        let name: String
        let statements: [PostgresQuery]
    }

    static let all: [Migration] = [
        Migration(
            name: "v1-schema",
            statements: [
                """
                CREATE TABLE users (
                    id BIGSERIAL PRIMARY KEY,
                    login TEXT NOT NULL,
                    display_name TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    password_verifier BYTEA,
                    created_at DOUBLE PRECISION NOT NULL,
                    modseq BIGINT NOT NULL DEFAULT 0,
                    log_seq BIGINT NOT NULL DEFAULT 0,
                    next_folder_number BIGINT NOT NULL DEFAULT 1
                )
                """,
                "CREATE UNIQUE INDEX users_by_login ON users (lower(login))",
                """
                CREATE TABLE addresses (
                    address TEXT NOT NULL,
                    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX addresses_by_address ON addresses (lower(address))",
                "CREATE INDEX addresses_by_user ON addresses (user_id, position)",
                """
                CREATE TABLE user_photos (
                    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                    photo BYTEA NOT NULL
                )
                """,
                """
                CREATE TABLE folders (
                    id BIGSERIAL PRIMARY KEY,
                    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    server_id TEXT NOT NULL,
                    parent_server_id TEXT NOT NULL,
                    display_name TEXT NOT NULL,
                    type INTEGER NOT NULL,
                    modseq BIGINT NOT NULL,
                    next_item_number BIGINT NOT NULL DEFAULT 1,
                    UNIQUE (user_id, server_id)
                )
                """,
                "CREATE INDEX folders_by_modseq ON folders (user_id, modseq)",
                """
                CREATE TABLE folder_tombstones (
                    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    server_id TEXT NOT NULL,
                    modseq BIGINT NOT NULL,
                    PRIMARY KEY (user_id, server_id)
                )
                """,
                "CREATE INDEX folder_tombstones_by_modseq ON folder_tombstones (user_id, modseq)",
                """
                CREATE TABLE items (
                    id BIGSERIAL PRIMARY KEY,
                    folder_id BIGINT NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
                    server_id TEXT NOT NULL,
                    class TEXT NOT NULL,
                    properties BYTEA NOT NULL,
                    modseq BIGINT NOT NULL,
                    event_uid TEXT,
                    UNIQUE (folder_id, server_id)
                )
                """,
                "CREATE INDEX items_by_modseq ON items (folder_id, modseq)",
                "CREATE INDEX items_by_event_uid ON items (folder_id, event_uid) WHERE class = 'Calendar'",
                """
                CREATE TABLE messages (
                    item_id BIGINT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
                    raw BYTEA NOT NULL
                )
                """,
                """
                CREATE TABLE item_tombstones (
                    folder_id BIGINT NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
                    server_id TEXT NOT NULL,
                    modseq BIGINT NOT NULL,
                    PRIMARY KEY (folder_id, server_id)
                )
                """,
                "CREATE INDEX item_tombstones_by_modseq ON item_tombstones (folder_id, modseq)",
                """
                CREATE TABLE commit_log (
                    id BIGSERIAL PRIMARY KEY,
                    user_id BIGINT NOT NULL,
                    log_seq BIGINT NOT NULL,
                    modseq BIGINT NOT NULL,
                    folder_id BIGINT,
                    device_id BIGINT,
                    hierarchy BOOLEAN NOT NULL DEFAULT false,
                    policy BOOLEAN NOT NULL DEFAULT false,
                    committed_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """,
                "CREATE INDEX commit_log_by_user ON commit_log (user_id, log_seq)",
                "CREATE INDEX commit_log_by_time ON commit_log (committed_at)",
                """
                CREATE TABLE devices (
                    id BIGSERIAL PRIMARY KEY,
                    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    device_id TEXT NOT NULL,
                    document BYTEA NOT NULL,
                    UNIQUE (user_id, device_id)
                )
                """,
                """
                CREATE TABLE policies (
                    scope BIGINT PRIMARY KEY,
                    document BYTEA NOT NULL,
                    version BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE out_of_office (
                    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                    document BYTEA NOT NULL
                )
                """,
                """
                CREATE TABLE sync_states (
                    device_id BIGINT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
                    collection TEXT NOT NULL,
                    current_key BIGINT NOT NULL,
                    current_state BYTEA NOT NULL,
                    previous_key BIGINT,
                    previous_state BYTEA,
                    PRIMARY KEY (device_id, collection)
                )
                """,
                """
                CREATE TABLE client_adds (
                    device_id BIGINT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
                    collection TEXT NOT NULL,
                    sync_key BIGINT NOT NULL,
                    client_id TEXT NOT NULL,
                    server_id TEXT NOT NULL,
                    PRIMARY KEY (device_id, collection, sync_key, client_id)
                )
                """,
                """
                CREATE TABLE submissions (
                    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    client_id TEXT NOT NULL,
                    submitted_at DOUBLE PRECISION NOT NULL,
                    PRIMARY KEY (user_id, client_id)
                )
                """,
                """
                CREATE TABLE outbound_queue (
                    id BIGSERIAL PRIMARY KEY,
                    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    sender TEXT NOT NULL,
                    recipients TEXT NOT NULL,
                    raw BYTEA NOT NULL,
                    queued_at DOUBLE PRECISION NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at DOUBLE PRECISION NOT NULL,
                    last_error TEXT
                )
                """,
                "CREATE INDEX outbound_queue_due ON outbound_queue (next_attempt_at)",
                """
                CREATE TABLE mail_search (
                    item_id BIGINT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
                    folder_id BIGINT NOT NULL,
                    conversation BYTEA,
                    received DOUBLE PRECISION NOT NULL,
                    words TSVECTOR NOT NULL
                )
                """,
                "CREATE INDEX mail_search_words ON mail_search USING GIN (words)",
                "CREATE INDEX mail_search_by_folder ON mail_search (folder_id, item_id)",
                """
                CREATE TABLE readiness (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    checked_at DOUBLE PRECISION NOT NULL
                )
                """,
            ]),
        Migration(
            name: "v2-wake-routes",
            statements: [
                // NULL: every node hears the user's commits; else only the nodes named.
                "ALTER TABLE users ADD COLUMN wake_nodes TEXT[]",
                """
                CREATE TABLE nodes (
                    id TEXT PRIMARY KEY,
                    seen_at TIMESTAMPTZ NOT NULL
                )
                """,
            ]),
    ]

    /// Runs the migrations not yet recorded, each in its own transaction.
    package static func migrate(_ session: PostgresSession, schema: String?) async throws {
        let lockKey = "tern migrations \(schema ?? "")"
        try await session.transaction(begin: "BEGIN") { session in
            try await session.run("SELECT pg_advisory_xact_lock(hashtext(\(lockKey)))")
            if let schema { try await session.run("CREATE SCHEMA IF NOT EXISTS \(unescaped: quoted(schema))") }
            try await session.run(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name TEXT PRIMARY KEY,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """)
        }
        for migration in all {
            try await session.transaction(begin: "BEGIN") { session in
                try await session.run("SELECT pg_advisory_xact_lock(hashtext(\(lockKey)))")
                let done = try await session.run("SELECT 1 FROM schema_migrations WHERE name = \(migration.name)")
                guard done == 0 else { return }
                for statement in migration.statements { try await session.run(statement) }
                try await session.run("INSERT INTO schema_migrations (name) VALUES (\(migration.name))")
            }
        }
    }

    /// Whether every migration this version knows has run.
    static func isMigrated(_ session: PostgresSession) async throws -> Bool {
        let applied = Set(
            try await session.rows("SELECT name FROM schema_migrations").map { try $0.decode(String.self) })
        return all.allSatisfy { applied.contains($0.name) }
    }

    /// A schema name the store accepts: letters, digits and underscores, not starting with a
    /// digit, at most 63 bytes (PostgreSQL's identifier length), so that it never needs escaping.
    static func checkSchemaName(_ name: String) throws(StoreError) {
        let valid =
            !name.isEmpty && name.utf8.count <= 63 && name.first?.isNumber == false
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
            }
        guard valid else { throw StoreError(.invalid, "\"\(name)\" is not a schema name (letters, digits, _)") }
    }

    /// A checked schema name as an SQL identifier.
    static func quoted(_ schema: String) -> String { "\"\(schema)\"" }
}
