import Foundation

extension MIMEMessage {
    /// The first text/calendar part, depth first, outside attached messages: where an iMIP
    /// message (RFC 6047) carries its iTIP method and event.
    public var calendarPart: MIMEPart? {
        Self.calendarPart(in: root)
    }

    /// The iTIP method of `calendarPart`, upper-cased: the calendar's METHOD property, else the
    /// part's `method` parameter (RFC 6047 2.4 requires them to agree).
    public var calendarMethod: String? {
        guard let part = calendarPart else { return nil }
        let declared = part.contentType.parameters["method"].map { $0.trimmingQuotes().uppercased() }
        guard part.decodedSize <= Self.maxCalendarBytes else { return declared }
        for line in part.text().split(whereSeparator: \.isNewline) where line.uppercased().hasPrefix("METHOD:") {
            return line.dropFirst("METHOD:".count).trimmingCharacters(in: .whitespaces).uppercased()
        }
        return declared
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
