import ActiveSync
import Foundation
import TernStore
import TernTesting
import Testing

/// Every item class through SQLite and back, all properties intact, messages byte-exact.
@Suite(.droppingPostgresSchemas)
struct ItemRoundTripTests {
    static let berlinTimeZone = Data((0..<172).map { UInt8($0 % 251) })

    static let samples: [(FolderType, ItemContent)] = [
        (
            .inbox,
            .email(
                EmailItem(
                    raw: Data(
                        "From: =?UTF-8?B?SsO2cmc=?= <j@example.org>\r\nSubject: Gr\u{00FC}\u{00DF}e\r\n\r\nbody\u{0}\u{FF}\r\n"
                            .utf8),
                    properties: EmailProperties(
                        from: "Jörg <j@example.org>", to: "anna@tern.example", cc: "c@example.org",
                        replyTo: "r@example.org",
                        subject: "Grüße", dateReceived: Date(timeIntervalSince1970: 1_790_000_000), importance: 2,
                        read: true,
                        flag: EmailFlag(
                            status: 2, flagType: "Follow up", dueDate: Date(timeIntervalSince1970: 1_790_086_400)),
                        conversationID: Data(repeating: 7, count: 16), categories: ["Work", "Urgent"],
                        attachments: [
                            EmailAttachment(
                                index: 0, fileName: "plan.pdf", contentType: "application/pdf", contentID: nil,
                                isInline: false, size: 1234)
                        ],
                        preview: "body", isDraft: false)))
        ),
        (
            .contacts,
            .contact(
                ContactItem(
                    fields: [
                        .firstName: "Ingrid", .lastName: "Østergaard", .email1Address: "ingrid@example.org",
                        .mobilePhoneNumber: "+45 1234", .nickName: "Inga", .birthday: "1980-02-29T00:00:00.000Z",
                    ],
                    categories: ["Friends"], children: ["Ole"], picture: Data([0xFF, 0xD8, 0xFF, 0xE0]),
                    body: "Met at the fair"))
        ),
        (
            .calendar,
            .event(
                CalendarItem(
                    timeZone: berlinTimeZone, startTime: Date(timeIntervalSince1970: 1_790_000_000),
                    endTime: Date(timeIntervalSince1970: 1_790_003_600), subject: "Stand-up", location: "Room 4",
                    organizerName: "Anna", organizerEmail: "anna@tern.example", uid: "040000008200E00074C5B7101A82E008",
                    reminder: 15,
                    meetingStatus: 1,
                    attendees: [
                        Attendee(email: "bob@example.org", name: "Bob", status: 3, type: 1),
                        Attendee(email: "room@example.org", type: 3),
                    ],
                    categories: ["Team"],
                    recurrence: Recurrence(
                        type: 1, interval: 1, until: Date(timeIntervalSince1970: 1_800_000_000), dayOfWeek: 2 | 8 | 32,
                        firstDayOfWeek: 1),
                    exceptions: [
                        CalendarException(
                            exceptionStartTime: Date(timeIntervalSince1970: 1_790_172_800), deleted: true),
                        CalendarException(
                            exceptionStartTime: Date(timeIntervalSince1970: 1_790_345_600),
                            startTime: Date(timeIntervalSince1970: 1_790_349_200), subject: "Moved stand-up"),
                    ]))
        ),
        (
            .tasks,
            .task(
                TaskItem(
                    subject: "File taxes", body: "Before the deadline", importance: 2,
                    startDate: Date(timeIntervalSince1970: 1_790_000_000),
                    utcStartDate: Date(timeIntervalSince1970: 1_789_996_400),
                    dueDate: Date(timeIntervalSince1970: 1_795_000_000),
                    utcDueDate: Date(timeIntervalSince1970: 1_794_996_400),
                    reminderTime: Date(timeIntervalSince1970: 1_794_900_000),
                    categories: ["Home"],
                    recurrence: Recurrence(
                        type: 5, interval: 1, dayOfMonth: 31, monthOfYear: 5, regenerate: false, deadOccur: false,
                        start: Date(timeIntervalSince1970: 1_790_000_000))))
        ),
    ]

    @Test(arguments: StoreBackend.allCases, samples.indices)
    func everyItemClassRoundTripsThroughASecondStore(_ backend: StoreBackend, _ index: Int) async throws {
        let (folderType, content) = Self.samples[index]
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let folder = try await fixture.folder(folderType)
        let added = try await fixture.store.addItem(content, to: folder.id)
        #expect(added.serverID == "\(folder.serverID):1")
        // A second store on the same data reads what the first wrote.
        let reopened = try await fixture.reopen()
        let read = try #require(try await reopened.item(in: folder.id, serverID: added.serverID))
        #expect(read.content == content)
        #expect(read == added)
    }

    @Test(arguments: StoreBackend.allCases)
    func anItemOfTheWrongClassForItsFolderIsRefused(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let contacts = try await fixture.folder(.contacts)
        await #expect(throws: StoreError.self) {
            _ = try await fixture.store.addItem(StoreFixture.email("x"), to: contacts.id)
        }
        #expect(try await fixture.store.itemCount(in: contacts.id) == 0)
    }
}
