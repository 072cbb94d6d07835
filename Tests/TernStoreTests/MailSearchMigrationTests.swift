import Foundation
import GRDB
import TernStore
import TernTesting
import Testing

@testable import TernStoreSQLite

/// The migration that creates the search index indexes the mail a database already holds.
struct MailSearchMigrationTests {
    @Test func mailStoredBeforeTheIndexExistedIsFoundAfterTheUpgrade() async throws {
        let directory = try TemporaryDirectory("tern-migration")
        defer { directory.remove() }
        let path = SQLiteStore.databasePath(inDataDirectory: directory.path)
        do {
            let old = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(old, upTo: "v9-event-uids")
            let raw = Data("From: Bob <bob@example.org>\r\nSubject: Old news\r\n\r\nthe aardvark report\r\n".utf8)
            let properties = EmailPropertiesCoding.encode(
                EmailProperties(from: "Bob <bob@example.org>", subject: "Old news", dateReceived: Date()))
            try await old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO users (id, login, display_name, password_hash, created_at) VALUES (1, 'anna', 'Anna', 'x', 0);
                        INSERT INTO folders (id, user_id, server_id, parent_server_id, display_name, type, modseq)
                        VALUES (1, 1, '1', '0', 'Inbox', 2, 1);
                        """)
                try db.execute(
                    sql:
                        "INSERT INTO items (id, folder_id, server_id, class, properties, modseq) VALUES (1, 1, '1:1', 'Email', ?, 1)",
                    arguments: [properties])
                try db.execute(sql: "INSERT INTO messages (item_id, raw) VALUES (1, ?)", arguments: [raw])
            }
        }
        let store = try SQLiteStore(dataDirectory: directory.path)
        let found = try await store.searchMail(MailSearchQuery(words: ["aardvark"], folderIDs: [1]))
        #expect(found.total == 1 && found.items.first?.serverID == "1:1")
    }
}
