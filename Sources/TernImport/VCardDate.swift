/// A vCard BDAY or ANNIVERSARY turned into the date form EAS carries in Contacts:Birthday
/// and Contacts:Anniversary (MS-ASCNTC 2.2.2.3, 2.2.2.6): `YYYY-MM-DDT00:00:00.000Z`.
///
/// Accepted forms: `1980-04-15` and `1980-04-15T…` (RFC 2426 3.1.5, ISO 8601), `19800415`
/// (RFC 6350 4.3.1), and the year-less `--0415` / `--04-15` (RFC 6350 4.3.1). EAS has no
/// year-less date, so those get the year 1604, a leap year (so `--0229` stays a valid date)
/// and the year Apple Contacts writes for an omitted year (`X-APPLE-OMIT-YEAR=1604`).
/// Refused, with a warning: day-only `---15`, month-only `1980-04`, year-only `1980`, and
/// text values (`VALUE=text:circa 1800`).
enum VCardDate {
    static let yearlessYear = 1604

    static func easDate(_ text: String) -> String? {
        var value = Substring(text.filter { $0 != " " && $0 != "\t" })
        if let time = value.firstIndex(where: { $0 == "T" || $0 == "t" }) {
            value = value[..<time]
        }
        let year: Int
        let monthDay: Substring
        if value.hasPrefix("--") {
            let rest = value.dropFirst(2)
            guard !rest.hasPrefix("-") else { return nil }
            year = yearlessYear
            monthDay = rest
        } else {
            let digits = value.filter { $0 != "-" }
            guard digits.count == 8, let parsedYear = Int(digits.prefix(4)) else { return nil }
            year = parsedYear
            monthDay = Substring(digits.dropFirst(4))
        }
        let digits = monthDay.filter { $0 != "-" }
        guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit),
            let month = Int(digits.prefix(2)), let day = Int(digits.suffix(2)),
            (1...12).contains(month), day >= 1, day <= LocalDateTime.daysInMonth(year: year, month: month)
        else { return nil }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T00:00:00.000Z"
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
