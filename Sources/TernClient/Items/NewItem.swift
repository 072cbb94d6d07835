public import ActiveSync
public import Foundation
public import WBXML

/// An item made on the device, sent to the server as a Sync `Add` (MS-ASCMD 2.2.3.7.2) with
/// the class's typed properties (MS-ASCNTC, MS-ASCAL, MS-ASTASK):
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

    /// `<AirSync:ApplicationData>` as `version` writes it.
    public func applicationData(version: ProtocolVersion) -> WBXMLElement {
        let elements: [WBXMLElement]
        switch self {
        case .contact(let first, let last, let email):
            var properties: [ContactProperty: String] = [
                .fileAs: ContactData.fileAs(firstName: first, lastName: last), .firstName: first, .lastName: last,
            ]
            properties[.email1Address] = email
            elements = ContactData(properties: properties).elements
        case .event(let subject, let start, let end):
            var event = CalendarData()
            event.startTime = start
            event.endTime = end
            event.subject = subject
            // BusyStatus 2 is "busy" (MS-ASCAL 2.2.2.8).
            event.busyStatus = 2
            elements = event.elements(version: version)
        case .task(let subject, let due):
            // MS-ASTASK 2.2.2: DueDate is local time; without a time zone this device writes UTC in both.
            elements = TaskData(subject: subject, importance: 1, utcDueDate: due, dueDate: due, complete: false)
                .elements(version: version)
        }
        return WBXMLElement(AirSyncTag.applicationData, elements: elements)
    }
}

extension ContactData {
    /// How a contact is filed: `Last, First`, or whichever of the two there is.
    static func fileAs(firstName: String, lastName: String) -> String {
        [lastName, firstName].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
