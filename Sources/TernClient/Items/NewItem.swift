import ActiveSync
public import Foundation
public import WBXML

/// An item made on the device, sent to the server as a Sync `Add` (MS-ASCMD 2.2.3.7.2) with
/// the class's properties (MS-ASCNTC, MS-ASCAL, MS-ASTASK):
///
/// ```xml
/// <ApplicationData><Contacts:FileAs>Lovelace, Ada</Contacts:FileAs>
///   <Contacts:FirstName>Ada</Contacts:FirstName><Contacts:LastName>Lovelace</Contacts:LastName>
/// </ApplicationData>
/// ```
public enum NewItem: Hashable, Sendable {
    case contact(firstName: String, lastName: String, email: String?)
    case event(subject: String, start: Date, end: Date)
    case task(subject: String, due: Date?)

    public var kind: ItemKind {
        switch self {
        case .contact: .contacts
        case .event: .calendar
        case .task: .tasks
        }
    }

    /// `<AirSync:ApplicationData>` with the properties in the order the schemas list them.
    public var applicationData: WBXMLElement {
        let fields: [(String, String)]
        switch self {
        case .contact(let first, let last, let email):
            let fileAs = [last, first].filter { !$0.isEmpty }.joined(separator: ", ")
            fields =
                [("FileAs", fileAs), ("FirstName", first), ("LastName", last)]
                + (email.map { [("Email1Address", $0)] } ?? [])
        case .event(let subject, let start, let end):
            // MS-ASCAL 2.2.2.42: StartTime and EndTime in the compact form; BusyStatus 2 is "busy".
            fields = [
                ("BusyStatus", "2"), ("EndTime", EASDate.format(end, .compact)),
                ("StartTime", EASDate.format(start, .compact)),
                ("Subject", subject),
            ]
        case .task(let subject, let due):
            // MS-ASTASK 2.2.2: DueDate is local time; without a time zone this device writes UTC in both.
            let dates =
                due.map { [("DueDate", EASDate.format($0, .extended)), ("UtcDueDate", EASDate.format($0, .extended))] }
                ?? []
            fields = [("Complete", "0"), ("Importance", "1"), ("Subject", subject)] + dates
        }
        return WBXMLElement(
            AirSyncTag.applicationData,
            elements: fields.map { WBXMLElement(WBXMLTag(kind.namespace, $0.0), text: $0.1) })
    }
}
