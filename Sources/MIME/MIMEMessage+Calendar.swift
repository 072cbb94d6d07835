import Foundation

/// What an iMIP message (RFC 6047) carries in its calendar part: the iTIP method and the text.
public struct CalendarContent: Sendable {
    /// Upper-cased: the calendar's METHOD property, else the part's `method` parameter (RFC 6047
    /// 2.4 requires them to agree).
    public let method: String?
    /// The part's text; nil past `MIMEMessage.maxCalendarBytes`, whose method is then the parameter's.
    public let text: String?
}

extension MIMEMessage {
    /// The first text/calendar part, depth first, outside attached messages: where an iMIP
    /// message carries its iTIP method and event.
    public var calendarPart: MIMEPart? {
        Self.calendarPart(in: root)
    }

    /// The method and text of `calendarPart`, decoded once; nil without one.
    public var calendarContent: CalendarContent? {
        guard let part = calendarPart else { return nil }
        let declared = part.contentType.parameters["method"].map { $0.trimmingQuotes().uppercased() }
        guard part.decodedSize <= Self.maxCalendarBytes else { return CalendarContent(method: declared, text: nil) }
        let text = part.text()
        let property = text.split(whereSeparator: \.isNewline).first { $0.uppercased().hasPrefix("METHOD:") }
        let method = property.map { $0.dropFirst("METHOD:".count).trimmingCharacters(in: .whitespaces).uppercased() }
        return CalendarContent(method: method ?? declared, text: text)
    }

    /// The largest calendar part read for its METHOD or its event; an invitation is a few kilobytes.
    public static let maxCalendarBytes = 1 << 20

    private static func calendarPart(in part: MIMEPart) -> MIMEPart? {
        let type = part.contentType.mimeType.lowercased()
        if type == "text/calendar" { return part }
        if type == "message/rfc822" { return nil }
        for child in part.children {
            if let found = calendarPart(in: child) { return found }
        }
        return nil
    }
}
