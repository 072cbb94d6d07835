import MIME
import Testing

struct ImportanceTests {
    @Test(arguments: [
        ("Importance: high", Importance.high), ("Importance: Low", .low), ("Importance: normal", .normal),
        ("X-Priority: 1 (Highest)", .high), ("X-Priority: 2", .high), ("X-Priority: 3 (Normal)", .normal),
        ("X-Priority: 5 (Lowest)", .low), ("X-MSMail-Priority: High", .high), ("Priority: non-urgent", .low),
        ("Importance: bogus\r\nX-Priority: 1", .high), ("Importance: low\r\nX-Priority: 1", .low),
        ("Subject: none", .normal),
    ])
    func importanceComesFromImportanceOrPriorityFields(_ headers: String, _ expected: Importance) throws {
        let message = try MIMEMessage(parsing: Array((headers + "\r\n\r\nbody").utf8))
        #expect(message.importance == expected)
    }
}
