import Foundation
import GRDB
import TernStore

/// The schema, as named migrations. A migration is frozen once shipped: change the schema
/// by adding a new one (GRDB's DatabaseMigrator records which ran).
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-users-folders-items") { db in
            try db.execute(
                sql: """
                    CREATE TABLE users (
                        id INTEGER PRIMARY KEY,
                        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        display_name TEXT NOT NULL,
                        password_hash TEXT NOT NULL,
                        created_at REAL NOT NULL,
                        modseq INTEGER NOT NULL DEFAULT 0,
                        next_folder_number INTEGER NOT NULL DEFAULT 1
                    );
                    CREATE TABLE addresses (
                        address TEXT PRIMARY KEY COLLATE NOCASE,
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL
                    );
                    CREATE INDEX addresses_by_user ON addresses(user_id, position);
                    CREATE TABLE folders (
                        id INTEGER PRIMARY KEY,
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        server_id TEXT NOT NULL,
                        parent_server_id TEXT NOT NULL,
                        display_name TEXT NOT NULL,
                        type INTEGER NOT NULL,
                        modseq INTEGER NOT NULL,
                        next_item_number INTEGER NOT NULL DEFAULT 1,
                        UNIQUE (user_id, server_id)
                    );
                    CREATE INDEX folders_by_modseq ON folders(user_id, modseq);
                    CREATE TABLE folder_tombstones (
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        server_id TEXT NOT NULL,
                        modseq INTEGER NOT NULL,
                        PRIMARY KEY (user_id, server_id)
                    );
                    CREATE INDEX folder_tombstones_by_modseq ON folder_tombstones(user_id, modseq);
                    CREATE TABLE items (
                        id INTEGER PRIMARY KEY,
                        folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
                        server_id TEXT NOT NULL,
                        class TEXT NOT NULL,
                        properties BLOB NOT NULL,
                        modseq INTEGER NOT NULL,
                        UNIQUE (folder_id, server_id)
                    );
                    CREATE INDEX items_by_modseq ON items(folder_id, modseq);
                    CREATE TABLE messages (
                        item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
                        raw BLOB NOT NULL
                    );
                    CREATE TABLE item_tombstones (
                        folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
                        server_id TEXT NOT NULL,
                        modseq INTEGER NOT NULL,
                        PRIMARY KEY (folder_id, server_id)
                    );
                    CREATE INDEX item_tombstones_by_modseq ON item_tombstones(folder_id, modseq);
                    CREATE TABLE commit_log (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        user_id INTEGER NOT NULL,
                        modseq INTEGER NOT NULL,
                        folder_id INTEGER,
                        hierarchy INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2-devices-policies") { db in
            try db.execute(
                sql: """
                    CREATE TABLE devices (
                        id INTEGER PRIMARY KEY,
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        device_id TEXT NOT NULL,
                        document BLOB NOT NULL,
                        UNIQUE (user_id, device_id)
                    );
                    CREATE TABLE policies (
                        scope INTEGER PRIMARY KEY,
                        document BLOB NOT NULL,
                        version INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3-settings-sync-states") { db in
            try db.execute(
                sql: """
                    CREATE TABLE out_of_office (
                        user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                        document BLOB NOT NULL
                    );
                    CREATE TABLE sync_states (
                        device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
                        collection TEXT NOT NULL,
                        current_key INTEGER NOT NULL,
                        current_state BLOB NOT NULL,
                        previous_key INTEGER,
                        previous_state BLOB,
                        PRIMARY KEY (device_id, collection)
                    );
                    """)
        }
        migrator.registerMigration("v4-client-adds") { db in
            try db.execute(
                sql: """
                    CREATE TABLE client_adds (
                        device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
                        collection TEXT NOT NULL,
                        sync_key INTEGER NOT NULL,
                        client_id TEXT NOT NULL,
                        server_id TEXT NOT NULL,
                        PRIMARY KEY (device_id, collection, sync_key, client_id)
                    );
                    """)
        }
        migrator.registerMigration("v5-device-policy-log") { db in
            // Device and policy writes are logged too, so that a held Ping hears of a wipe,
            // block or policy change made by `tern` in another process. `user_id` 0 with
            // `policy` set is a default-policy change, meant for every user.
            try db.execute(
                sql: """
                    ALTER TABLE commit_log ADD COLUMN device_id INTEGER;
                    ALTER TABLE commit_log ADD COLUMN policy INTEGER NOT NULL DEFAULT 0;
                    """)
        }
        migrator.registerMigration("v6-compact-email-properties") { db in
            // Email properties move from JSON to `EmailPropertiesCoding`; nothing else changes.
            let rows = try Row.fetchCursor(db, sql: "SELECT id, properties FROM items WHERE class = 'Email'")
            let update = try db.makeStatement(sql: "UPDATE items SET properties = ? WHERE id = ?")
            while let row = try rows.next() {
                let json: Data = row["properties"]
                let properties = try JSONDecoder().decode(EmailProperties.self, from: json)
                try update.execute(arguments: [EmailPropertiesCoding.encode(properties), row["id"] as Int64])
            }
        }
        migrator.registerMigration("v7-submissions") { db in
            // The ClientIds of messages a user sent, so a resent SendMail is not sent twice.
            try db.execute(
                sql: """
                    CREATE TABLE submissions (
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        client_id TEXT NOT NULL,
                        submitted_at REAL NOT NULL,
                        PRIMARY KEY (user_id, client_id)
                    );
                    """)
        }
        migrator.registerMigration("v8-outbound-queue") { db in
            // Messages for other servers until the relay takes them; recipients is a JSON
            // array of those not delivered yet.
            try db.execute(
                sql: """
                    CREATE TABLE outbound_queue (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        sender TEXT NOT NULL,
                        recipients TEXT NOT NULL,
                        raw BLOB NOT NULL,
                        queued_at REAL NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at REAL NOT NULL,
                        last_error TEXT
                    );
                    CREATE INDEX outbound_queue_due ON outbound_queue(next_attempt_at);
                    """)
        }
        migrator.registerMigration("v9-event-uids") { db in
            // Meeting mail finds its event by the iCalendar UID inside the event's JSON.
            try db.execute(
                sql: """
                    CREATE INDEX items_by_event_uid ON items(folder_id, \(SQLiteStore.eventUIDExpression))
                    WHERE class = 'Calendar';
                    """)
        }
        migrator.registerMigration("v10-search") { db in
            // The full-text index of mail (see SQLiteStore+Search), filled from the mail
            // already stored; its rows go with their items by trigger, also on cascades.
            // And the users' photos the address book (GAL) shows.
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE mail_search USING fts5(
                        subject, sender, recipients, body, scope, received UNINDEXED,
                        tokenize = 'unicode61 remove_diacritics 2'
                    );
                    CREATE TRIGGER items_leave_mail_search AFTER DELETE ON items WHEN old.class = 'Email'
                    BEGIN
                        DELETE FROM mail_search WHERE rowid = old.id;
                    END;
                    CREATE TABLE user_photos (
                        user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                        photo BLOB NOT NULL
                    );
                    """)
            _ = try SQLiteStore.indexAllMail(db)
        }
        migrator.registerMigration("v11-password-verifiers") { db in
            // The keyed fast check of a password that passed bcrypt (TernAuth PasswordVerifierKey).
            try db.execute(sql: "ALTER TABLE users ADD COLUMN password_verifier BLOB")
        }
        migrator.registerMigration("v12-readiness") { db in
            // The row /readyz rewrites to show the database takes writes.
            try db.execute(
                sql: "CREATE TABLE readiness (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at REAL NOT NULL)")
        }
        return migrator
    }
}
