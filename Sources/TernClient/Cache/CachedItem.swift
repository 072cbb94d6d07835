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

    /// The text of the property `name` of the class's namespace, e.g. `Subject`.
    public func property(_ name: String) -> String? {
        applicationData.elements.first { $0.tag.name == name && $0.tag.namespace == kind.namespace }?.text
    }

    /// What a list shows: the subject, or for a contact the name it is filed as.
    public var title: String {
        switch kind {
        case .contacts:
            property("FileAs")
                ?? [property("FirstName"), property("LastName")].compactMap { $0 }.joined(separator: " ")
        case .email, .calendar, .tasks:
            property("Subject") ?? ""
        }
    }

    /// The date a list sorts by: received (email), start (event), due (task); none for contacts.
    public var date: Date? {
        let name: String? =
            switch kind {
            case .email: "DateReceived"
            case .calendar: "StartTime"
            case .tasks: "UtcDueDate"
            case .contacts: nil
            }
        return name.flatMap(property).flatMap(EASDate.parse)
    }

    /// Each property with text as `(name, text)`, in order; a nested one such as
    /// `AirSyncBase:Body` shows its `Data`.
    public var fields: [(name: String, value: String)] {
        applicationData.elements.compactMap { element in
            if let text = element.text { return (element.tag.name, text) }
            if let data = element.elements.first(where: { $0.tag.name == "Data" })?.text {
                return (element.tag.name, data)
            }
            return nil
        }
    }
}

extension ItemKind {
    /// The code page of the class's properties (MS-ASWBXML): `Email`, `Contacts`, `Calendar`, `Tasks`.
    var namespace: String { rawValue }
}
