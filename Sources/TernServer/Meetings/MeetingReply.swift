import ActiveSync
import Foundation
import MIME
import TernStore

/// The answer an attendee sends the organizer (iTIP REPLY, RFC 5546 3.2.3) as a mail (iMIP,
/// RFC 6047): a line for people and the text/calendar part for software, each in base64 so
/// that no relay needs 8BITMIME. It carries what RFC 5546 requires of a REPLY: ATTENDEE with
/// PARTSTAT, DTSTAMP, ORGANIZER, UID.
struct MeetingReply {
    let event: CalendarItem
    let attendeeName: String
    let attendeeAddress: String
    let answer: MeetingResponseRequest.Answer

    func mime(at date: Date) -> [UInt8] {
        let subject = "\(answer.subjectPrefix): \((event.subject ?? "").prefix(Self.maxSubjectCharacters))"
        let boundary = "=_tern-reply-\(UUID().uuidString.lowercased())"
        let person = attendeeName.isEmpty ? attendeeAddress : attendeeName
        let lines = [
            "From: <\(attendeeAddress)>", "To: <\(event.organizerEmail ?? "")>",
            "Subject: \(EncodedWord.encode(subject))", "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"", "",
            "--\(boundary)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
        ]
        let text = Base64Transfer.encodedLines(Array("\(person) \(answer.pastTense).\r\n".utf8))
        let calendarHeader = [
            "", "--\(boundary)", "Content-Type: text/calendar; charset=utf-8; method=REPLY",
            "Content-Transfer-Encoding: base64", "",
        ]
        let calendar = Base64Transfer.encodedLines(Array(iCalendar(at: date).utf8))
        let all = lines + text + calendarHeader + calendar + ["", "--\(boundary)--", ""]
        return Array(all.joined(separator: "\r\n").utf8)
    }

    /// The VCALENDAR with METHOD:REPLY, lines folded at 75 octets (RFC 5545 3.1).
    func iCalendar(at date: Date) -> String {
        var parameters = "PARTSTAT=\(answer.participationStatus)"
        if !attendeeName.isEmpty { parameters += ";CN=\(Self.parameterValue(attendeeName))" }
        let lines = [
            "BEGIN:VCALENDAR", "PRODID:-//Tern//Tern//EN", "VERSION:2.0", "METHOD:REPLY", "BEGIN:VEVENT",
            "UID:\(Self.text(event.uid))", "DTSTAMP:\(Self.utc(date))",
            "ORGANIZER:mailto:\(event.organizerEmail ?? "")",
            "ATTENDEE;\(parameters):mailto:\(attendeeAddress)",
            "SUMMARY:\(Self.text(event.subject ?? ""))", "END:VEVENT", "END:VCALENDAR",
        ]
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// The longest subject taken from the invitation: its SUMMARY is anyone's text, and the
    /// encoded Subject line must stay within a header's bounds.
    static let maxSubjectCharacters = 100

    /// A UTC DATE-TIME (RFC 5545 3.3.5, form 2): `20261207T083000Z`.
    private static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let numbers = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map { $0 ?? 0 }
        let digits = zip(numbers, [4, 2, 2, 2, 2, 2]).map { number, width in
            String(repeating: "0", count: max(0, width - String(number).count)) + String(number)
        }
        return digits[0...2].joined() + "T" + digits[3...5].joined() + "Z"
    }

    /// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, a line break as `\n`.
    private static func text(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n": escaped += "\\n"
            case "\r": continue
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A parameter value (RFC 5545 3.2): quoted when it holds `:`, `;` or `,`; double quotes
    /// and control characters, which it cannot hold, left out.
    private static func parameterValue(_ value: String) -> String {
        let clean = String(value.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F })
        return clean.contains(where: { ":;,".contains($0) }) ? "\"\(clean)\"" : clean
    }

    /// A content line folded at 75 octets, never inside a character.
    private static func folded(_ line: String) -> String {
        var result = ""
        var octets = 0
        for character in line {
            let size = character.utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.append(character)
            octets += size
        }
        return result
    }
}

extension MeetingResponseRequest.Answer {
    /// PARTSTAT (RFC 5545 3.2.12).
    var participationStatus: String {
        switch self {
        case .accepted: "ACCEPTED"
        case .tentative: "TENTATIVE"
        case .declined: "DECLINED"
        }
    }

    /// AttendeeStatus (MS-ASCAL 2.2.2.4): 3 accepted, 2 tentative, 4 declined.
    var attendeeStatus: Int {
        switch self {
        case .accepted: 3
        case .tentative: 2
        case .declined: 4
        }
    }

    var subjectPrefix: String {
        switch self {
        case .accepted: "Accepted"
        case .tentative: "Tentative"
        case .declined: "Declined"
        }
    }

    var pastTense: String {
        switch self {
        case .accepted: "has accepted"
        case .tentative: "has tentatively accepted"
        case .declined: "has declined"
        }
    }
}
