import GRDB

/// The cache's schema as named migrations; a shipped migration is frozen, changes are new ones.
///
/// `sync_keys` holds one row per collection, and the hierarchy's key under the collection id
/// `""`, which no folder can have. Item payloads (ApplicationData in its XML text form) and
/// folder names are AES-GCM boxes (`CacheKey`); `sqlite3` shows the rest while debugging.
enum CacheMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-folders-items-sync-keys") { db in
            try db.execute(
                sql: """
                    CREATE TABLE folders (
                        server_id TEXT PRIMARY KEY,
                        parent_id TEXT NOT NULL,
                        display_name TEXT NOT NULL,
                        type INTEGER NOT NULL
                    );
                    CREATE TABLE items (
                        server_id TEXT PRIMARY KEY,
                        folder_id TEXT NOT NULL REFERENCES folders(server_id) ON DELETE CASCADE,
                        class TEXT NOT NULL,
                        application_data TEXT NOT NULL
                    );
                    CREATE INDEX items_by_folder ON items(folder_id);
                    CREATE TABLE sync_keys (
                        collection_id TEXT PRIMARY KEY,
                        sync_key TEXT NOT NULL
                    );
                    """)
        }
        // The plaintext of v1 cannot be sealed without the key the migration does not have;
        // it is dropped (secure_delete zeroes its pages) and the folders sync again from 0.
        migrator.registerMigration("v2-sealed-payloads") { db in
            try db.execute(
                sql: """
                    DROP TABLE items;
                    DROP TABLE folders;
                    DELETE FROM sync_keys;
                    CREATE TABLE folders (
                        server_id TEXT PRIMARY KEY,
                        parent_id TEXT NOT NULL,
                        sealed_name BLOB NOT NULL,
                        type INTEGER NOT NULL
                    );
                    CREATE TABLE items (
                        server_id TEXT PRIMARY KEY,
                        folder_id TEXT NOT NULL REFERENCES folders(server_id) ON DELETE CASCADE,
                        class TEXT NOT NULL,
                        payload BLOB NOT NULL
                    );
                    CREATE INDEX items_by_folder ON items(folder_id);
                    """)
        }
        return migrator
    }
}
