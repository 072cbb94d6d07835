public import WBXML

/// An item's `<airsync:ApplicationData>` (MS-ASCMD 2.2.3.11) as its class's typed value: what
/// a Sync Add, Change or Fetch and an ItemOperations Fetch carry, for Email, Contacts,
/// Calendar, Tasks and Notes.
///
/// ```xml
/// <ApplicationData>
///   <contacts:FileAs>Doe, Jane</contacts:FileAs>
/// </ApplicationData>
/// ```
public enum ApplicationData: Hashable, Sendable {
    case email(EmailData)
    case contact(ContactData)
    case event(CalendarData)
    case task(TaskData)
    case note(NoteData)

    /// The most text and binary bytes one item of a device may carry; more is refused
    /// (`.oversized`) before anything is read.
    public static let maxBytes = 10 << 20

    /// Reads a device's ApplicationData as `itemClass`, the class of its collection.
    public init(_ element: WBXMLElement, as itemClass: ItemClass) throws(ApplicationDataError) {
        guard Self.byteCount(element) <= Self.maxBytes else {
            throw ApplicationDataError(.oversized, "an item of more than \(Self.maxBytes) bytes")
        }
        switch itemClass {
        case .email: self = .email(try EmailData(element))
        case .contacts: self = .contact(try ContactData(element))
        case .calendar: self = .event(try CalendarData(element))
        case .tasks: self = .task(try TaskData(element))
        case .notes: self = .note(try NoteData(element))
        default: throw ApplicationDataError(.classNotAllowed, "Tern does not sync \(itemClass) items")
        }
    }

    /// The children, as `version` writes them.
    public func elements(version: ProtocolVersion) -> [WBXMLElement] {
        switch self {
        case .email(let email): email.elements(version: version)
        case .contact(let contact): contact.elements
        case .event(let event): event.elements(version: version)
        case .task(let task): task.elements(version: version)
        case .note(let note): note.elements
        }
    }

    /// `<airsync:ApplicationData>` as `version` writes it.
    public func element(version: ProtocolVersion) -> WBXMLElement {
        WBXMLElement(AirSyncTag.applicationData, elements: elements(version: version))
    }

    /// The children, or nil when a value in them cannot travel in WBXML or XML (text with a
    /// character neither can carry, see `WBXMLElement.firstUnencodableElement`).
    public func encodableElements(version: ProtocolVersion) -> [WBXMLElement]? {
        let elements = elements(version: version)
        return elements.contains { $0.firstUnencodableElement != nil } ? nil : elements
    }

    /// `<airsync:ApplicationData>`, or nil when a value in it cannot travel (as for
    /// `encodableElements`).
    public func encodableElement(version: ProtocolVersion) -> WBXMLElement? {
        encodableElements(version: version).map { WBXMLElement(AirSyncTag.applicationData, elements: $0) }
    }

    private static func byteCount(_ element: WBXMLElement) -> Int {
        element.children.reduce(0) { total, node in
            switch node {
            case .element(let child): total + byteCount(child)
            case .text(let text): total + text.utf8.count
            case .opaque(let bytes): total + bytes.count
            }
        }
    }
}
