import ActiveSync
public import Foundation
import WBXML

/// Changes to a cached item, sent as a Sync `Change` (MS-ASCMD 2.2.3.24). Only the fields set
/// are changed.
///
/// An email may change only its read state (MS-ASEMAIL 2.2.2.61), sent alone:
/// `<ApplicationData><Email:Read>1</Email:Read></ApplicationData>`. A contact, event or task
/// is sent whole (the server drops what a Change leaves out): the cached item read as its
/// typed ApplicationData, with the edits made to it.
public struct ItemEdit: Hashable, Sendable {
    public var subject: String?
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var start: Date?
    public var end: Date?
    public var due: Date?
    public var complete: Bool?
    public var read: Bool?

    public init(
        subject: String? = nil, firstName: String? = nil, lastName: String? = nil, email: String? = nil,
        start: Date? = nil,
        end: Date? = nil, due: Date? = nil, complete: Bool? = nil, read: Bool? = nil
    ) {
        self.subject = subject
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.start = start
        self.end = end
        self.due = due
        self.complete = complete
        self.read = read
    }

    /// Each option set, with the classes it applies to.
    private var options: [(kinds: Set<ItemKind>, option: String)] {
        var options: [(kinds: Set<ItemKind>, option: String)] = []
        if let read { options.append(([.email], read ? "--read" : "--unread")) }
        if firstName != nil { options.append(([.contacts], "--first")) }
        if lastName != nil { options.append(([.contacts], "--last")) }
        if email != nil { options.append(([.contacts], "--email")) }
        if start != nil { options.append(([.calendar], "--start")) }
        if end != nil { options.append(([.calendar], "--end")) }
        if let complete { options.append(([.tasks], complete ? "--complete" : "--no-complete")) }
        if due != nil { options.append(([.tasks], "--due")) }
        if subject != nil { options.append(([.calendar, .tasks], "--subject")) }
        return options
    }

    /// The ApplicationData of the Change for `item`; a `.usage` error when nothing is set or a
    /// field does not belong to the item's class, `.server` when the cached item cannot be read.
    func applicationData(for item: CachedItem, version: ProtocolVersion) throws -> WBXMLElement {
        let options = options
        guard !options.isEmpty else { throw ClientError(.usage, "nothing to change") }
        if let foreign = options.first(where: { !$0.kinds.contains(item.kind) }) {
            throw ClientError(
                .usage,
                "\(foreign.option) does not apply to \(item.kind.rawValue.lowercased()) item \"\(item.serverID)\"")
        }
        let elements: [WBXMLElement]
        do {
            switch item.kind {
            case .email:
                var email = EmailData()
                email.read = read
                elements = email.elements(version: version)
            case .contacts: elements = edited(try ContactData(item.applicationData)).elements
            case .calendar: elements = edited(try CalendarData(item.applicationData)).elements(version: version)
            case .tasks: elements = edited(try TaskData(item.applicationData)).elements(version: version)
            }
        } catch {
            throw ClientError(.server, "item \"\(item.serverID)\" as cached cannot be read: \(error)")
        }
        return WBXMLElement(AirSyncTag.applicationData, elements: elements)
    }

    private func edited(_ contact: ContactData) -> ContactData {
        var contact = contact
        if let firstName { contact.properties[.firstName] = firstName }
        if let lastName { contact.properties[.lastName] = lastName }
        if let email { contact.properties[.email1Address] = email }
        if firstName != nil || lastName != nil {
            contact.properties[.fileAs] = ContactData.fileAs(
                firstName: contact.properties[.firstName] ?? "", lastName: contact.properties[.lastName] ?? "")
        }
        return contact
    }

    private func edited(_ event: CalendarData) -> CalendarData {
        var event = event
        if let start { event.startTime = start }
        if let end { event.endTime = end }
        if let subject { event.subject = subject }
        return event
    }

    private func edited(_ task: TaskData) -> TaskData {
        var task = task
        if let complete { task.complete = complete }
        if let due {
            task.dueDate = due
            task.utcDueDate = due
        }
        if let subject { task.subject = subject }
        return task
    }
}
