import Foundation
import GRDB
import TernStore
import TernTesting
import Testing

@testable import TernStoreSQLite

/// Email properties in their compact stored form, and the migration that brings JSON ones over.
struct EmailPropertiesCodingTests {
    static let full = EmailProperties(
        from: "\"Zoë Ürban\" <zoe@example.org>", to: "anna@tern.example, 山田 <taro@example.jp>", cc: "",
        replyTo: "r@example.org",
        subject: "Grüße 👋", dateReceived: Date(timeIntervalSince1970: 1_790_000_000.123), importance: 2, read: true,
        flag: EmailFlag(
            status: 2, flagType: "Follow up", startDate: Date(timeIntervalSince1970: 1_790_000_100),
            dueDate: Date(timeIntervalSince1970: -86_400.5), completeTime: nil),
        messageClass: "IPM.Note.SMIME", conversationID: Data((0..<16).map { UInt8($0 * 17) }),
        categories: ["Work", "", "Ünïcode"],
        attachments: [
            EmailAttachment(
                index: 0, fileName: "a b.pdf", contentType: "application/pdf", contentID: nil, isInline: false,
                size: 1 << 40),
            EmailAttachment(
                index: 1, fileName: "logo.png", contentType: "image/png", contentID: "logo@x", isInline: true, size: 0),
        ],
        preview: String(repeating: "preview ", count: 40), isDraft: true)

    static let minimal = EmailProperties(dateReceived: Date(timeIntervalSinceReferenceDate: 0))

    @Test(arguments: [full, minimal])
    func propertiesRoundTripExactly(_ properties: EmailProperties) throws {
        let stored = EmailPropertiesCoding.encode(properties)
        #expect(stored.first == EmailPropertiesCoding.marker)
        #expect(try EmailPropertiesCoding.decode(stored) == properties)
    }

    /// Every cut of a record, and a record with bytes after its end, is refused as damaged.
    @Test func aDamagedRecordIsAStoreErrorNotACrash() {
        let stored = [UInt8](EmailPropertiesCoding.encode(Self.full))
        for length in 0..<stored.count {
            #expect(throws: StoreError.self) { try EmailPropertiesCoding.decode(Data(stored[..<length])) }
        }
        #expect(throws: StoreError.self) { try EmailPropertiesCoding.decode(Data(stored + [0])) }
        #expect(throws: StoreError.self) { try EmailPropertiesCoding.decode(Data("{\"read\":true}".utf8)) }
        var badFlag = stored
        badFlag[2] = 7
        #expect(throws: StoreError.self) { try EmailPropertiesCoding.decode(Data(badFlag)) }
    }

    /// A store from before v6 keeps its email properties as JSON; opening it converts them,
    /// and the item reads back the same.
    @Test func theMigrationConvertsJSONPropertiesInPlace() async throws {
        let fixture = try await StoreFixture()
        let inbox = try await fixture.folder(.inbox)
        let item = try await fixture.store.addItem(
            .email(EmailItem(raw: Data("Subject: x\r\n\r\nbody\r\n".utf8), properties: Self.full)), to: inbox.id)
        try await #require(fixture.store as? SQLiteStore).pool.write { db in
            try db.execute(
                sql: "UPDATE items SET properties = ? WHERE id = ?",
                arguments: [try JSONEncoder().encode(Self.full), item.id])
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v6-compact-email-properties'")
        }
        let reopened = try SQLiteStore(dataDirectory: fixture.directory.path)
        let read = try await reopened.item(in: inbox.id, serverID: item.serverID)
        guard case .email(let email) = read?.content else {
            Issue.record("no email read back")
            return
        }
        #expect(email.properties == Self.full)
        let stored = try await reopened.pool.read { db in
            try Data.fetchOne(db, sql: "SELECT properties FROM items WHERE id = ?", arguments: [item.id])
        }
        #expect(stored?.first == EmailPropertiesCoding.marker)
        fixture.directory.remove()
    }
}
