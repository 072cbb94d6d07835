import Foundation
import MIME

/// One `.eml` file under `Tests/MIMETests/Fixtures/` and the values a mail client would show for it.
struct CorpusFixture: Sendable, CustomStringConvertible {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Fixtures")

    struct Attachment: Sendable, Equatable, CustomStringConvertible {
        var filename: String?
        var mimeType: String
        var size: Int
        var contentID: String? = nil
        var isInline = false

        var description: String {
            "\(filename ?? "-") \(mimeType) \(size) \(contentID ?? "-") \(isInline ? "inline" : "attachment")"
        }
    }

    let file: String
    var subject: String?
    var from: [MailAddress] = []
    var to: [MailAddress] = []
    var cc: [MailAddress] = []
    /// Seconds since 1970, UTC.
    var date: Date?
    var messageID: String?
    var importance: Importance = .normal
    /// The start of the plain text body with line breaks as LF; nil when there must be none.
    var plainStart: String?
    /// Text the HTML body must contain; nil when there must be no HTML body.
    var htmlContains: String?
    var preview: String
    var attachments: [Attachment] = []

    var description: String { file }

    func bytes() throws -> [UInt8] {
        Array(try Data(contentsOf: Self.directory.appending(path: file)))
    }

    func message() throws -> MIMEMessage {
        try MIMEMessage(parsing: try bytes())
    }

    /// Every `.eml` file in the folder, whether or not it has expectations here.
    static var allFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".eml") }
            .sorted()
    }
}

/// A UTC instant, built with Foundation's calendar (independent of the parser's date arithmetic).
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
}

/// Text with CRLF line breaks turned into LF, for comparing bodies.
func lf(_ text: String?) -> String? {
    text?.replacingOccurrences(of: "\r\n", with: "\n")
}

func mailbox(_ name: String?, _ address: String, group: String? = nil) -> MailAddress {
    MailAddress(name: name, address: address, group: group)
}
