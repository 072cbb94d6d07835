import ActiveSync
public import Foundation
public import WBXML

/// An item in the local cache: its ServerId, folder and class, and the ApplicationData the
/// server (or this device) last gave it.
public struct CachedItem: Hashable, Sendable {
    public let serverID: String
    public let folderID: String
    public let kind: ItemKind
    /// `<AirSync:ApplicationData>` with the class's properties as children.
    public let applicationData: WBXMLElement

    public init(serverID: String, folderID: String, kind: ItemKind, applicationData: WBXMLElement) {
        self.serverID = serverID
        self.folderID = folderID
        self.kind = kind
        self.applicationData = applicationData
    }

    /// The text of the property `tag`, e.g. `EmailTag.subject`.
    public func property(_ tag: WBXMLTag) -> String? {
        applicationData.firstElement(tag)?.text
    }

    /// What a list shows: the subject, or for a contact the name it is filed as.
    public var title: String {
        switch kind {
        case .contacts:
            property(ContactsTag.fileAs)
                ?? [property(ContactsTag.firstName), property(ContactsTag.lastName)].compactMap { $0 }.joined(
                    separator: " ")
        case .email: property(EmailTag.subject) ?? ""
        case .calendar: property(CalendarTag.subject) ?? ""
        case .tasks: property(TasksTag.subject) ?? ""
        }
    }

    /// The date a list sorts by: received (email), start (event), due (task); none for contacts.
    public var date: Date? {
        let tag: WBXMLTag? =
            switch kind {
            case .email: EmailTag.dateReceived
            case .calendar: CalendarTag.startTime
            case .tasks: TasksTag.utcDueDate
            case .contacts: nil
            }
        return tag.flatMap(property).flatMap(EASDate.parse)
    }

    /// Each property with text as `(name, text)`, in order; a nested one such as
    /// `AirSyncBase:Body` shows its `Data`.
    public var fields: [(name: String, value: String)] {
        applicationData.elements.compactMap { element in
            if let text = element.text { return (element.tag.name, text) }
            if let data = element.firstElement(AirSyncBaseTag.data)?.text {
                return (element.tag.name, data)
            }
            return nil
        }
    }
}
