import ActiveSync
public import Foundation
import WBXML

/// Changes to a cached item, sent as a Sync `Change` (MS-ASCMD 2.2.3.24). Only the fields set
/// are changed.
///
/// An email may change only its read state (MS-ASEMAIL 2.2.2.61), sent alone:
/// `<ApplicationData><Email:Read>1</Email:Read></ApplicationData>`. A contact, event or task
/// is sent whole (the server drops what a Change leaves out), with the edits merged in.
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

    /// Each edit as (class, property, value, option), in the schemas' order.
    private var fields: [(kinds: Set<ItemKind>, name: String, value: String, option: String)] {
        var fields: [(kinds: Set<ItemKind>, name: String, value: String, option: String)] = []
        if let read { fields.append(([.email], "Read", read ? "1" : "0", read ? "--read" : "--unread")) }
        if let firstName { fields.append(([.contacts], "FirstName", firstName, "--first")) }
        if let lastName { fields.append(([.contacts], "LastName", lastName, "--last")) }
        if let email { fields.append(([.contacts], "Email1Address", email, "--email")) }
        if let start { fields.append(([.calendar], "StartTime", EASDate.format(start, .compact), "--start")) }
        if let end { fields.append(([.calendar], "EndTime", EASDate.format(end, .compact), "--end")) }
        if let complete {
            fields.append(([.tasks], "Complete", complete ? "1" : "0", complete ? "--complete" : "--no-complete"))
        }
        if let due {
            fields.append(([.tasks], "DueDate", EASDate.format(due, .extended), "--due"))
            fields.append(([.tasks], "UtcDueDate", EASDate.format(due, .extended), "--due"))
        }
        if let subject { fields.append(([.calendar, .tasks], "Subject", subject, "--subject")) }
        return fields
    }

    /// The ApplicationData of the Change for `item`; a `.usage` error when nothing is set or a
    /// field does not belong to the item's class.
    func applicationData(for item: CachedItem) throws -> WBXMLElement {
        let fields = fields
        guard !fields.isEmpty else { throw ClientError(.usage, "nothing to change") }
        if let foreign = fields.first(where: { !$0.kinds.contains(item.kind) }) {
            throw ClientError(
                .usage,
                "\(foreign.option) does not apply to \(item.kind.rawValue.lowercased()) item \"\(item.serverID)\"")
        }
        let tag = { (name: String) in WBXMLTag(item.kind.namespace, name) }
        if item.kind == .email {
            return WBXMLElement(
                AirSyncTag.applicationData, elements: fields.map { WBXMLElement(tag($0.name), text: $0.value) })
        }
        var elements = item.applicationData.elements
        var edited = fields.map { (name: $0.name, value: $0.value) }
        if item.kind == .contacts, firstName != nil || lastName != nil {
            let first = firstName ?? item.property("FirstName") ?? ""
            let last = lastName ?? item.property("LastName") ?? ""
            edited.append((name: "FileAs", value: [last, first].filter { !$0.isEmpty }.joined(separator: ", ")))
        }
        for field in edited {
            let element = WBXMLElement(tag(field.name), text: field.value)
            if let index = elements.firstIndex(where: { $0.tag == element.tag }) {
                elements[index] = element
            } else {
                elements.append(element)
            }
        }
        return WBXMLElement(AirSyncTag.applicationData, elements: elements)
    }
}
