/// How important the sender marked a message: the Importance field (RFC 2156 section 5.3.4),
/// or failing that X-Priority, X-MSMail-Priority or Priority, as Outlook and others send them.
///
/// ```
/// Importance: high
/// X-Priority: 5 (Lowest)
/// ```
public enum Importance: Int, Hashable, Sendable, CaseIterable {
    /// The values match EAS `email:Importance` (MS-ASEMAIL section 2.2.2.40).
    case low = 0
    case normal = 1
    case high = 2

    /// The importance the headers state; normal when none says otherwise.
    public init(headers: MIMEHeaders) {
        if let value = headers["Importance"].flatMap(Self.fromWord) {
            self = value
        } else if let priority = headers["X-Priority"],
            let digit = priority.trimmingWhitespace().first?.wholeNumberValue
        {
            self = digit < 3 ? .high : digit > 3 ? .low : .normal
        } else if let value = headers["X-MSMail-Priority"].flatMap(Self.fromWord) {
            self = value
        } else if let value = headers["Priority"].flatMap(Self.fromWord) {
            self = value
        } else {
            self = .normal
        }
    }

    private static func fromWord(_ value: String) -> Importance? {
        switch MIMEParameters.split(value).value.trimmingQuotes() {
        case "high", "urgent", "highest": .high
        case "low", "non-urgent", "lowest": .low
        case "normal", "medium": .normal
        default: nil
        }
    }
}
