import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// `tern import vcf|ics` on real-shaped files: items land in the right folders with their
/// properties, bad parts are reported, a 2 MB photo costs the photo and not the contact.
struct ImportPIMCommandTests {
    static let tern = ChildProcess.builtProduct("tern")
    static let fixtures = Fixtures.repositoryRoot.appending(path: "Tests/TernImportTests/Fixtures")

    private func setUp() async throws -> (TemporaryDirectory, SQLiteStore, User) {
        let data = try TemporaryDirectory("tern-import-pim")
        let store = try SQLiteStore(dataDirectory: data.path)
        let user = try await store.createUser(
            NewUser(login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna", passwordHash: "x"))
        return (data, store, user)
    }

    private func items(_ store: SQLiteStore, _ user: User, _ type: FolderType) async throws -> [ItemContent] {
        let folder = try #require(try await store.folders(of: user.id).first { $0.type == type })
        return try await store.itemChanges(in: folder.id, since: .zero, limit: 1000).changed.map(\.content)
    }

    @Test func contactsAreImportedAndBrokenCardsReportedWithTheirLine() async throws {
        let (data, store, user) = try await setUp()
        defer { data.remove() }
        let result = try ChildProcess(
            Self.tern,
            [
                "import", "vcf", "--user", "anna", Self.fixtures.appending(path: "broken-among-good.vcf").path,
                "--data", data.path,
            ]
        ).run()
        #expect(result.status == 0, "\(result.standardError)")
        let summary = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(summary.hasPrefix("imported 2, skipped 3 (line 6: unsupported vCard VERSION 5.0;"))
        #expect(try await items(store, user, .contacts).count == 2)
    }

    @Test func aTwoMegabytePhotoIsDroppedAndTheContactKept() async throws {
        let (data, store, user) = try await setUp()
        defer { data.remove() }
        let photo = Data((0..<2_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).base64EncodedString()
        let card =
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Berg;Ola;;;\r\nFN:Ola Berg\r\nEMAIL;TYPE=INTERNET:ola@example.org\r\nPHOTO;ENCODING=b;TYPE=JPEG:\(photo)\r\nEND:VCARD\r\n"
        let file = data.url.appending(path: "big-photo.vcf")
        try Data(card.utf8).write(to: file)
        let result = try ChildProcess(Self.tern, ["import", "vcf", "--user", "anna", file.path, "--data", data.path])
            .run()
        #expect(String(decoding: result.standardOutput, as: UTF8.self) == "imported 1, skipped 0, 1 warning\n")
        let contacts = try await items(store, user, .contacts)
        guard case .contact(let contact)? = contacts.first else {
            Issue.record("no contact imported")
            return
        }
        #expect(contact[.email1Address] == "ola@example.org")
        #expect(contact.picture == nil)
    }

    @Test func eventsGoToCalendarAndTasksToTasks() async throws {
        let (data, store, user) = try await setUp()
        defer { data.remove() }
        for file in ["weekly-exdate-override.ics", "tasks.ics"] {
            let result = try ChildProcess(
                Self.tern,
                ["import", "ics", "--user", "anna", Self.fixtures.appending(path: file).path, "--data", data.path]
            ).run()
            #expect(result.status == 0, "\(result.standardError)")
        }
        let events = try await items(store, user, .calendar)
        let tasks = try await items(store, user, .tasks)
        #expect(events.count == 1)
        #expect(tasks.count == 3)
        guard case .event(let event)? = events.first else { return }
        #expect(event.recurrence?.type == 1)
        #expect(!event.exceptions.isEmpty)
        #expect(event.timeZone?.count == 172)
    }
}

/// `tern import vnt`: notes from a vNote file, a note with neither text nor subject reported.
struct ImportVNoteCommandTests {
    @Test func notesAreImportedAndAnEmptyOneReportedWithItsLine() async throws {
        let data = try TemporaryDirectory("tern-import-vnt")
        defer { data.remove() }
        let store = try SQLiteStore(dataDirectory: data.path)
        let user = try await store.createUser(
            NewUser(login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna", passwordHash: "x"))
        let file = ImportPIMCommandTests.fixtures.appending(path: "notes.vnt").path
        let result = try ChildProcess(
            ImportPIMCommandTests.tern, ["import", "vnt", "--user", "anna", file, "--data", data.path]
        ).run()
        #expect(result.status == 0, "\(result.standardError)")
        let output = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(output.hasPrefix("imported 2, skipped 1 (line 12: VNOTE with neither BODY nor SUMMARY)"), "\(output)")
        let folder = try #require(try await store.folders(of: user.id).first { $0.type == .notes })
        let notes = try await store.itemChanges(in: folder.id, since: .zero, limit: 10).changed.compactMap { item in
            if case .note(let note) = item.content { note } else { nil }
        }
        #expect(notes.map(\.subject) == ["Groceries", "Café at noon"])
        #expect(notes.first?.body == "milk\neggs, bread" && notes.first?.categories == ["Home", "Errands"])
        #expect(notes.first?.lastModified == Date(timeIntervalSince1970: 1_796_115_600))
    }
}
